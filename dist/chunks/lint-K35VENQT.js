#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{collectFindings,lintProject}from"./chunk-MQ723E23.js";import"./chunk-5XNYUIDZ.js";import"./chunk-PWEYJ32Q.js";import"./chunk-I7VXUXPW.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{collectFindings,lintProject};
