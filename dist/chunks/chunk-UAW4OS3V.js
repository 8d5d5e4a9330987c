#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_process=__commonJS({"builtin:node:process"(exports,module){module.exports=__require("node:process")}});export{require_node_process};
