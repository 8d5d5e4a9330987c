#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-TIHEGIK3.js";var require_fs=__commonJS({"builtin:fs"(exports,module){module.exports=__require("fs")}});var require_path=__commonJS({"builtin:path"(exports,module){module.exports=__require("path")}});var require_crypto=__commonJS({"builtin:crypto"(exports,module){module.exports=__require("crypto")}});export{require_crypto,require_fs,require_path};
