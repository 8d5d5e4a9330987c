#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{YOUNG_GENERATION_MB,runCommandOnThread,threadScript}from"./chunk-YFBGXOLG.js";import"./chunk-LTBLTCUL.js";import"./chunk-FNF4KBTR.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{YOUNG_GENERATION_MB,runCommandOnThread,threadScript};
