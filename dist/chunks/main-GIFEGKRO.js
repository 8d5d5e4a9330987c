#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{main}from"./chunk-RBG5ELAT.js";import"./chunk-YBZ5IAGZ.js";import"./chunk-7HB3BOLL.js";import"./chunk-LTBLTCUL.js";import"./chunk-TIHEGIK3.js";export{main};
