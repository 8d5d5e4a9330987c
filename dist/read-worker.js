#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{readAhead}from"./chunks/chunk-3KDR4JOH.js";import"./chunks/chunk-RWTTILRO.js";import{require_node_worker_threads}from"./chunks/chunk-LTBLTCUL.js";import"./chunks/chunk-FNF4KBTR.js";import"./chunks/chunk-7HB3BOLL.js";import"./chunks/chunk-KFRRKWNT.js";import{__toESM}from"./chunks/chunk-TIHEGIK3.js";var import_node_worker_threads=__toESM(require_node_worker_threads(),1);var{paths,port,progress}=import_node_worker_threads.workerData;readAhead(paths,port,progress);
