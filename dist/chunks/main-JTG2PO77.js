#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{main}from"./chunk-VAPBVHSU.js";import"./chunk-4TXYRXSF.js";import"./chunk-LTBLTCUL.js";import"./chunk-I7VXUXPW.js";import"./chunk-7HB3BOLL.js";import"./chunk-TIHEGIK3.js";export{main};
