#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_promises=__commonJS({"builtin:node:fs/promises"(exports,module){module.exports=__require("node:fs/promises")}});export{require_promises};
