#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{stateFromDatafileSet,stateFromDatafiles,stateFromDirectory,stateFromFeaturevisorFiles,stateFromUrl}from"./chunk-SSFDT22Q.js";import"./chunk-I7VXUXPW.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{stateFromDatafileSet,stateFromDatafiles,stateFromDirectory,stateFromFeaturevisorFiles,stateFromUrl};
