#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{require_node_crypto}from"./chunk-ZEAQ72RR.js";import{__toESM}from"./chunk-TIHEGIK3.js";var crypto=__toESM(require_node_crypto(),1),oneShot=crypto.hash,digestHex=oneShot?(algorithm,data)=>oneShot(algorithm,data,"hex"):(algorithm,data)=>crypto.createHash(algorithm).update(data).digest("hex");export{digestHex};
