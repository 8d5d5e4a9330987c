#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{decodeStored,readLiveDatafiles,readManifest}from"./chunk-T2HUVA6E.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{decodeStored,readLiveDatafiles,readManifest};
