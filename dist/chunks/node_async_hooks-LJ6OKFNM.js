#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_node_async_hooks=__commonJS({"builtin:node:async_hooks"(exports,module){module.exports=__require("node:async_hooks")}});export default require_node_async_hooks();
