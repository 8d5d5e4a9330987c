#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{collectFindings,lintProject,lintReport}from"./chunk-PKMJMGJP.js";import"./chunk-LQV6JTML.js";import"./chunk-XOW6ZQV2.js";import"./chunk-EG5V723T.js";import"./chunk-I7VXUXPW.js";import"./chunk-PWEYJ32Q.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-4WRQNR4D.js";import"./chunk-RVRNGX7U.js";import"./chunk-TIHEGIK3.js";export{collectFindings,lintProject,lintReport};
