#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{CONFIG_FILE_NAMES,findConfigFile,loadConfig}from"./chunk-5MGSZDUJ.js";import"./chunk-I7VXUXPW.js";import"./chunk-LHSN2Q67.js";import"./chunk-SETVY5JU.js";import"./chunk-FNF4KBTR.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-RVRNGX7U.js";import"./chunk-TIHEGIK3.js";export{CONFIG_FILE_NAMES,findConfigFile,loadConfig};
