#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_buffer=__commonJS({"builtin:node:buffer"(exports,module){module.exports=__require("node:buffer")}});export{require_node_buffer};
