#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{collectFindings,lintProject}from"./chunk-NRVLO2LY.js";import"./chunk-5D7ZWSCY.js";import"./chunk-6ZSNUDGK.js";import"./chunk-H63IXQES.js";import"./chunk-I7VXUXPW.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{collectFindings,lintProject};
