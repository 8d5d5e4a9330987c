#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{startSideTask,threadsPay}from"./chunk-7XAOIDBN.js";import"./chunk-43DUW2X4.js";import"./chunk-YFBGXOLG.js";import"./chunk-LTBLTCUL.js";import"./chunk-FNF4KBTR.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{startSideTask,threadsPay};
