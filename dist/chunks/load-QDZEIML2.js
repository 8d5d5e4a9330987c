#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{loadProject,loadProjectWithConfig}from"./chunk-TU7GZCDF.js";import"./chunk-6ZSNUDGK.js";import"./chunk-P2AVRFC3.js";import"./chunk-H63IXQES.js";import"./chunk-LHSN2Q67.js";import"./chunk-3KDR4JOH.js";import"./chunk-RWTTILRO.js";import"./chunk-LTBLTCUL.js";import"./chunk-FNF4KBTR.js";import"./chunk-I7VXUXPW.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{loadProject,loadProjectWithConfig};
