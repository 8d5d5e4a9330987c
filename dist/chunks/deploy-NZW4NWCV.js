#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{commonFromFlags,deploy_default,intOption,printResult,targetFlags}from"./chunk-QVZKOKZP.js";import"./chunk-TCVMZ4BH.js";import"./chunk-T2HUVA6E.js";import"./chunk-GAQ5OV3H.js";import"./chunk-2QJ6IXM4.js";import"./chunk-NCAJUE2H.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{commonFromFlags,deploy_default as default,intOption,printResult,targetFlags};
