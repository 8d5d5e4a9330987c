#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{buildDatafile,buildDatafileSet,buildProject,datafilePath,writeDatafileSet}from"./chunk-H55PH3YJ.js";import"./chunk-NCAJUE2H.js";import"./chunk-YPRLPP7C.js";import"./chunk-H63IXQES.js";import"./chunk-A4U2NUCL.js";import{stateFromDatafileSet,stateFromDatafiles}from"./chunk-6WXMHJHJ.js";import"./chunk-7IIA6I5K.js";import"./chunk-PWEYJ32Q.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{buildDatafile,buildDatafileSet,buildProject,datafilePath,stateFromDatafileSet,stateFromDatafiles,writeDatafileSet};
