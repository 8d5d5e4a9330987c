#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
var FindingList=class{items=[];error(file,path,rule,message){this.items.push({source:{file,path:path.slice()},severity:"error",rule,message})}warning(file,path,rule,message){this.items.push({source:{file,path:path.slice()},severity:"warning",rule,message})}};export{FindingList};
