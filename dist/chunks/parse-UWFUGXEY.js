#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{MAX_FILE_BYTES,lineColumnAt,parseRead}from"./chunk-AOO3VZ3R.js";import"./chunk-PWEYJ32Q.js";import"./chunk-SETVY5JU.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{MAX_FILE_BYTES,lineColumnAt,parseRead};
