#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{collectFindings,lintProject}from"./chunk-WBWJXK3M.js";import"./chunk-7IIA6I5K.js";import"./chunk-PWEYJ32Q.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{collectFindings,lintProject};
