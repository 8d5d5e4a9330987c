#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
var NO_ENVIRONMENT="";export{NO_ENVIRONMENT};
