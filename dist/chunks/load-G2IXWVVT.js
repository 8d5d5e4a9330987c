#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{listEntityFiles,loadProject,loadProjectWithConfig}from"./chunk-CQNEUIZA.js";import"./chunk-LTBAGN2V.js";import"./chunk-H63IXQES.js";import"./chunk-LHSN2Q67.js";import"./chunk-PWEYJ32Q.js";import"./chunk-KFRRKWNT.js";import"./chunk-I7VXUXPW.js";import"./chunk-FNF4KBTR.js";import"./chunk-7HB3BOLL.js";import"./chunk-TIHEGIK3.js";export{listEntityFiles,loadProject,loadProjectWithConfig};
