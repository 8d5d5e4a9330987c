#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_module}from"./chunk-LHSN2Q67.js";import{__toESM}from"./chunk-TIHEGIK3.js";var import_node_module=__toESM(require_node_module(),1);function resolveChunksDirectly(entryUrl){let chunks=new URL("./chunks/",entryUrl).href;import_node_module.default.registerHooks?.({resolve(specifier,context,nextResolve){let parent=context.parentURL;return specifier.startsWith("./")&&parent!==void 0&&(parent.startsWith(chunks)||parent===entryUrl&&specifier.startsWith("./chunks/"))?{url:new URL(specifier,parent).href,format:"module",shortCircuit:!0}:nextResolve(specifier,context)}})}export{resolveChunksDirectly};
