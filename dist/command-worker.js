#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{main}from"./chunks/chunk-MR2SLMXU.js";import{require_node_worker_threads}from"./chunks/chunk-LTBLTCUL.js";import"./chunks/chunk-I7VXUXPW.js";import"./chunks/chunk-7HB3BOLL.js";import{__toESM}from"./chunks/chunk-TIHEGIK3.js";var import_node_worker_threads=__toESM(require_node_worker_threads(),1);var{argv,isTTY}=import_node_worker_threads.workerData,exitCode=await main(argv,{stdout:text=>import_node_worker_threads.parentPort.postMessage({stdout:text}),stderr:text=>import_node_worker_threads.parentPort.postMessage({stderr:text}),isTTY,cwd:process.cwd(),env:process.env});import_node_worker_threads.parentPort.postMessage({exitCode});
