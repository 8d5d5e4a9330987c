#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_path=__commonJS({"builtin:node:path"(exports,module){module.exports=__require("node:path")}});export{require_node_path};
