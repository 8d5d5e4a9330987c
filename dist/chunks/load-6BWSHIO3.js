#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{loadProject,loadProjectWithConfig,projectDialect}from"./chunk-GQPUL6AD.js";import"./chunk-5MGSZDUJ.js";import"./chunk-I7VXUXPW.js";import"./chunk-LHSN2Q67.js";import"./chunk-AOO3VZ3R.js";import"./chunk-PWEYJ32Q.js";import"./chunk-SETVY5JU.js";import"./chunk-3KDR4JOH.js";import"./chunk-RWTTILRO.js";import"./chunk-LTBLTCUL.js";import"./chunk-FNF4KBTR.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-4WRQNR4D.js";import"./chunk-RVRNGX7U.js";import"./chunk-TIHEGIK3.js";export{loadProject,loadProjectWithConfig,projectDialect};
