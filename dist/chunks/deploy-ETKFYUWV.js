#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{deploy,rollback}from"./chunk-TCVMZ4BH.js";import"./chunk-T2HUVA6E.js";import"./chunk-2QJ6IXM4.js";import"./chunk-NCAJUE2H.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{deploy,rollback};
