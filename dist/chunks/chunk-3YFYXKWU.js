#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_zlib=__commonJS({"builtin:node:zlib"(exports,module){module.exports=__require("node:zlib")}});export{require_node_zlib};
