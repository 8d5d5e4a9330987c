#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_module}from"./chunks/chunk-LHSN2Q67.js";import{__toESM}from"./chunks/chunk-TIHEGIK3.js";var import_node_module=__toESM(require_node_module(),1);import_node_module.default.enableCompileCache?.();var{main}=await import("./chunks/main-CHFGVCPG.js");for(let stream of[process.stdout,process.stderr])stream.on("error",error=>{throw error.code==="EPIPE"&&process.exit(process.exitCode??0),error});main(process.argv.slice(2),{stdout:text=>process.stdout.write(text),stderr:text=>process.stderr.write(text),isTTY:!!process.stderr.isTTY,cwd:process.cwd(),env:process.env}).then(code=>{process.exitCode=code},error=>{process.stderr.write(`flagwright: ${error?.stack??String(error)}
`),process.exitCode=1});
