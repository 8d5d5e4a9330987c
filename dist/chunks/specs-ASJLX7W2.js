#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{checkSpecs,specReferencesOf}from"./chunk-XOW6ZQV2.js";import"./chunk-EG5V723T.js";import"./chunk-TIHEGIK3.js";export{checkSpecs,specReferencesOf};
