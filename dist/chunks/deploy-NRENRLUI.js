#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{deploy,rollback}from"./chunk-XOCVIF2O.js";import"./chunk-RYYEVEZN.js";import"./chunk-TAMEZSVI.js";import"./chunk-NCAJUE2H.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{deploy,rollback};
