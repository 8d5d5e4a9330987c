#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_http=__commonJS({"builtin:node:http"(exports,module){module.exports=__require("node:http")}});export{require_node_http};
