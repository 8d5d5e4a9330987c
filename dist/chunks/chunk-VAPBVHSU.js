#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_util}from"./chunk-4TXYRXSF.js";import{require_node_worker_threads}from"./chunk-LTBLTCUL.js";import{FlagwrightError}from"./chunk-I7VXUXPW.js";import{require_node_path}from"./chunk-7HB3BOLL.js";import{__toESM}from"./chunk-TIHEGIK3.js";var import_node_path=__toESM(require_node_path(),1),import_node_util=__toESM(require_node_util(),1),import_node_worker_threads=__toESM(require_node_worker_threads(),1),commands={lint:()=>import("./lint-5AUUBVHJ.js"),build:()=>import("./build-7ANEVZ6K.js"),test:()=>import("./test-PNUEP3IC.js"),evaluate:()=>import("./evaluate-K6F4AIKD.js"),diff:()=>import("./diff-CLIROT4P.js"),comment:()=>import("./comment-DNRIO3VC.js"),deploy:()=>import("./deploy-GFFFRV2Y.js"),rollback:()=>import("./rollback-KJNWICII.js")},HELP=`flagwright \u2014 lint, build, test, diff and deploy Featurevisor flag repos

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
`),2;let command=(await load()).default;if(rest.includes("--help")||rest.includes("-h"))return io.stdout(`${command.summary}

usage: ${command.usage}
`),0;try{if(command.readsProject&&import_node_worker_threads.isMainThread){let onThread=await runOnCommandThreadIfLarge(argv,rest,io);if(onThread!==void 0)return onThread}return await command.run(rest,io)}catch(error){return error instanceof FlagwrightError?(io.stderr(`flagwright ${name}: ${error.message}
`),error.exitCode):(io.stderr(`flagwright ${name}: unexpected error: ${error?.stack??String(error)}
`),1)}}async function runOnCommandThreadIfLarge(argv,rest,io){let project=(0,import_node_util.parseArgs)({args:rest,options:{project:{type:"string"}},strict:!1}).values.project??".";if(typeof project!="string")return;let[{loadConfig},{wantsCommandThread,runCommandOnThread}]=await Promise.all([import("./config-KZXDUHJH.js"),import("./command-thread-C2YIPWQU.js")]),large;try{large=wantsCommandThread(await loadConfig((0,import_node_path.resolve)(io.cwd,project)))}catch{return}return large?runCommandOnThread(argv,io):void 0}export{main};
