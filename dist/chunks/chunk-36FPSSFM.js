#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_util}from"./chunk-4TXYRXSF.js";import{FlagwrightError}from"./chunk-I7VXUXPW.js";import{__toESM}from"./chunk-TIHEGIK3.js";var import_node_util=__toESM(require_node_util(),1);function parseOptions(argv,options,usage){try{return(0,import_node_util.parseArgs)({args:argv,options,strict:!0,allowPositionals:!1})}catch(error){throw new FlagwrightError(`${error.message}
usage: ${usage}`,[],2)}}function oneOf(option,value,allowed,fallback){if(value===void 0)return fallback;if(allowed.includes(value))return value;throw new FlagwrightError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`,[],2)}export{parseOptions,oneOf};
