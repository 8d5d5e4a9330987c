#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{READ_BATCH,dropReadPlan,makeReadPlan,newProgress,offerReadPlan,readAhead,readInOrder,readText,takeReadPlan}from"./chunk-3KDR4JOH.js";import"./chunk-RWTTILRO.js";import"./chunk-LTBLTCUL.js";import"./chunk-FNF4KBTR.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{READ_BATCH,dropReadPlan,makeReadPlan,newProgress,offerReadPlan,readAhead,readInOrder,readText,takeReadPlan};
