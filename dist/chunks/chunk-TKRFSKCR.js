#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_https=__commonJS({"builtin:node:https"(exports,module){module.exports=__require("node:https")}});export{require_node_https};
