#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{FlagwrightError}from"./chunks/chunk-I7VXUXPW.js";import"./chunks/chunk-TIHEGIK3.js";var commands={lint:()=>import("./chunks/lint-DECYWZIS.js"),build:()=>import("./chunks/build-DDQBCB2O.js"),test:()=>import("./chunks/test-5UB3Y6WR.js"),evaluate:()=>import("./chunks/evaluate-FBPVFGX4.js"),diff:()=>import("./chunks/diff-NTMWLUCZ.js"),comment:()=>import("./chunks/comment-NLD4DRGX.js"),deploy:()=>import("./chunks/deploy-NZW4NWCV.js"),rollback:()=>import("./chunks/rollback-SHXCZ37X.js")},HELP=`flagwright \u2014 lint, build, test, diff and deploy Featurevisor flag repos

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
`),0;try{return await command.run(rest,io)}catch(error){return error instanceof FlagwrightError?(io.stderr(`flagwright ${name}: ${error.message}
`),error.exitCode):(io.stderr(`flagwright ${name}: unexpected error: ${error?.stack??String(error)}
`),1)}}for(let stream of[process.stdout,process.stderr])stream.on("error",error=>{throw error.code==="EPIPE"&&process.exit(process.exitCode??0),error});main(process.argv.slice(2),{stdout:text=>process.stdout.write(text),stderr:text=>process.stderr.write(text),isTTY:!!process.stderr.isTTY,cwd:process.cwd(),env:process.env}).then(code=>{process.exitCode=code},error=>{process.stderr.write(`flagwright: ${error?.stack??String(error)}
`),process.exitCode=1});
