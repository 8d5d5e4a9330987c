#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{FlagwrightError}from"./chunk-I7VXUXPW.js";import{parseArgs}from"node:util";function parseOptions(argv,options,usage){try{return parseArgs({args:argv,options,strict:!0,allowPositionals:!1})}catch(error){throw new FlagwrightError(`${error.message}
usage: ${usage}`,[],2)}}function oneOf(option,value,allowed,fallback){if(value===void 0)return fallback;if(allowed.includes(value))return value;throw new FlagwrightError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`,[],2)}export{parseOptions,oneOf};
