#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_worker_threads=__commonJS({"builtin:node:worker_threads"(exports,module){module.exports=__require("node:worker_threads")}});export{require_node_worker_threads};
