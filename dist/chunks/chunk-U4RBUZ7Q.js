#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_v8=__commonJS({"builtin:node:v8"(exports,module){module.exports=__require("node:v8")}});export{require_node_v8};
