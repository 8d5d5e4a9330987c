#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{featureDialect,normalizeAttribute,normalizeFeature,normalizeGroup,normalizeSegment,normalizeTestSpec,sectionPath}from"./chunk-4WRQNR4D.js";import{NO_ENVIRONMENT}from"./chunk-RVRNGX7U.js";import"./chunk-TIHEGIK3.js";export{NO_ENVIRONMENT,featureDialect,normalizeAttribute,normalizeFeature,normalizeGroup,normalizeSegment,normalizeTestSpec,sectionPath};
