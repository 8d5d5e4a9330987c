#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_util}from"./chunk-4TXYRXSF.js";import{FlagwrightError}from"./chunk-I7VXUXPW.js";import{threadsSetting}from"./chunk-RWTTILRO.js";import{require_node_worker_threads}from"./chunk-LTBLTCUL.js";import"./chunk-FNF4KBTR.js";import{require_node_path}from"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import{__toESM}from"./chunk-TIHEGIK3.js";var import_node_path=__toESM(require_node_path(),1),import_node_util=__toESM(require_node_util(),1),import_node_worker_threads=__toESM(require_node_worker_threads(),1);var commands={lint:()=>import("./lint-UD46FL44.js"),build:()=>import("./build-X6YDNP4V.js"),test:()=>import("./test-H2AUQVHA.js"),evaluate:()=>import("./evaluate-3TIQRKE3.js"),diff:()=>import("./diff-ZXAFQZQN.js"),comment:()=>import("./comment-Q3IZRVD6.js"),deploy:()=>import("./deploy-MSLV75C7.js"),rollback:()=>import("./rollback-WYXZZUVI.js")},READS_PROJECT=new Map([["lint",{tests:!0,lintSpecs:!0}],["build",{tests:!1}],["test",{tests:!0}]]);async function loadCommand(name){await commands[name]?.()}var HELP=`flagwright \u2014 lint, build, test, diff and deploy Featurevisor flag repos

usage: flagwright <command> [options]

commands:
  lint       validate the project (schema + semantic checks)
  build      build datafiles per environment x tag
  test       run the project's spec files
  evaluate   explain one flag decision
  diff       effective flag changes between two git refs
  comment    create or update the sticky PR comment
  deploy     sync datafiles to a CDN target
  rollback   republish an earlier revision as latest

Run "flagwright <command> --help" for a command's options.`;async function main(argv,io){let[name,...rest]=argv;if(!name||name==="--help"||name==="-h"||name==="help")return io.stdout(HELP+`
`),name?0:2;if(name==="--version"||name==="-v")return io.stdout(`flagwright 0.1.0
`),0;let load=commands[name];if(!load)return io.stderr(`flagwright: unknown command "${name}"

${HELP}
`),2;if(rest.includes("--help")||rest.includes("-h")){let command=(await load()).default;return io.stdout(`${command.summary}

usage: ${command.usage}
`),0}try{if(READS_PROJECT.has(name)&&import_node_worker_threads.isMainThread){let onThread=await runOnCommandThreadIfLarge(name,argv,rest,io);if(onThread!==void 0)return onThread}return await(await load()).default.run(rest,io)}catch(error){return error instanceof FlagwrightError?(io.stderr(`flagwright ${name}: ${error.message}
`),error.exitCode):(io.stderr(`flagwright ${name}: unexpected error: ${error?.stack??String(error)}
`),1)}}async function runOnCommandThreadIfLarge(name,argv,rest,io){let project=(0,import_node_util.parseArgs)({args:rest,options:{project:{type:"string"}},strict:!1}).values.project??".";if(typeof project!="string")return;let root=(0,import_node_path.resolve)(io.cwd,project),{holdsManyFeatures,startCommandThread,wantsCommandThread}=await import("./command-thread-JEEXP26V.js"),early=threadsSetting()!=="off"&&holdsManyFeatures((0,import_node_path.join)(root,"features"))?startCommandThread(argv,io):void 0,{loadConfig}=await import("./config-TGGAT52Z.js"),config;try{config=await loadConfig(root)}catch{}if(!config||!wantsCommandThread(config)){early?.cancel();return}return(early??startCommandThread(argv,io))?.run({config,...READS_PROJECT.get(name)})}export{loadCommand,main};
