#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{listEntityFiles,loadProject,loadProjectWithConfig}from"./chunk-YPRLPP7C.js";import"./chunk-H63IXQES.js";import"./chunk-A4U2NUCL.js";import"./chunk-PWEYJ32Q.js";import"./chunk-I7VXUXPW.js";import"./chunk-TIHEGIK3.js";export{listEntityFiles,loadProject,loadProjectWithConfig};
