#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{collectFindings,lintProject}from"./chunk-P3235IST.js";import"./chunk-TTMYLC6X.js";import"./chunk-PWEYJ32Q.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{collectFindings,lintProject};
