#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{FindingList}from"./chunk-EG5V723T.js";import"./chunk-TIHEGIK3.js";export{FindingList};
