#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_http}from"./chunk-IVA2RZ4N.js";import"./chunk-TIHEGIK3.js";export default require_node_http();
