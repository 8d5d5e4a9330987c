#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{resolveChunksDirectly}from"./chunks/chunk-LM6WXEJ6.js";import"./chunks/chunk-LHSN2Q67.js";import"./chunks/chunk-TIHEGIK3.js";resolveChunksDirectly(import.meta.url);var{run}=await import("./chunks/main-2AVSX6I5.js");await run();
