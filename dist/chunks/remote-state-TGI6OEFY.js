#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{decodeStored,readLiveDatafiles,readManifest}from"./chunk-OE7DO64C.js";import"./chunk-CMEFZ7KU.js";import"./chunk-3YFYXKWU.js";import"./chunk-ZEAQ72RR.js";import"./chunk-I7VXUXPW.js";import"./chunk-FNF4KBTR.js";import"./chunk-7HB3BOLL.js";import"./chunk-TIHEGIK3.js";export{decodeStored,readLiveDatafiles,readManifest};
