#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_url}from"./chunk-FNF4KBTR.js";import{require_node_fs}from"./chunk-KFRRKWNT.js";import{__toESM}from"./chunk-TIHEGIK3.js";var import_node_fs=__toESM(require_node_fs(),1),import_node_url=__toESM(require_node_url(),1);function workerEntry(path){let name=path.slice(path.lastIndexOf("/")+1);for(let candidate of[`../${path}.ts`,`../${name}.js`]){let file=(0,import_node_url.fileURLToPath)(new URL(candidate,import.meta.url));if((0,import_node_fs.existsSync)(file))return file}}function threadsSetting(){let value=process.env.FLAGWRIGHT_THREADS;return value==="1"?"off":value==="2"?"on":"auto"}export{workerEntry,threadsSetting};
