#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{commonFromFlags,deploy_default,intOption,printResult,targetFlags}from"./chunk-PICJCUXR.js";import"./chunk-4MX75DNB.js";import"./chunk-6GIJEYEY.js";import"./chunk-H2M2ESEX.js";import"./chunk-2QJ6IXM4.js";import"./chunk-3YFYXKWU.js";import"./chunk-GGN6JCHO.js";import"./chunk-LUCBXKGA.js";import"./chunk-4TXYRXSF.js";import"./chunk-ZEAQ72RR.js";import"./chunk-YBZ5IAGZ.js";import"./chunk-7HB3BOLL.js";import"./chunk-FNF4KBTR.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{commonFromFlags,deploy_default as default,intOption,printResult,targetFlags};
