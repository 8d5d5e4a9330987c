#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{deploy,rollback}from"./chunk-FO3LVBRR.js";import"./chunk-OE7DO64C.js";import"./chunk-TYDYD72S.js";import"./chunk-2QJ6IXM4.js";import"./chunk-CMEFZ7KU.js";import"./chunk-3YFYXKWU.js";import"./chunk-ZEAQ72RR.js";import"./chunk-I7VXUXPW.js";import"./chunk-LHSN2Q67.js";import"./chunk-FNF4KBTR.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{deploy,rollback};
