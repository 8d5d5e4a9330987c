#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_crypto=__commonJS({"builtin:node:crypto"(exports,module){module.exports=__require("node:crypto")}});export{require_node_crypto};
