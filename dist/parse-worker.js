#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{parseYamlFile}from"./chunks/chunk-A4U2NUCL.js";import"./chunks/chunk-PWEYJ32Q.js";import"./chunks/chunk-TIHEGIK3.js";import{parentPort,workerData}from"node:worker_threads";var files=workerData.files;parentPort.postMessage(files.map(({absolute,file})=>parseYamlFile(absolute,file)));
