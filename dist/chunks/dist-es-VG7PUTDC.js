#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
import{ENV_ACCOUNT_ID,ENV_CREDENTIAL_SCOPE,ENV_EXPIRATION,ENV_KEY,ENV_SECRET,ENV_SESSION,fromEnv}from"./chunk-54E6U4Q6.js";import"./chunk-2ZLMIYVM.js";import"./chunk-UAW4OS3V.js";import"./chunk-J3FVXS7X.js";import"./chunk-43DUW2X4.js";import"./chunk-B23QHRSY.js";import"./chunk-GNROHIQ3.js";import"./chunk-I35LRZXL.js";import"./chunk-ZEAQ72RR.js";import"./chunk-7HB3BOLL.js";import"./chunk-KFRRKWNT.js";import"./chunk-TIHEGIK3.js";export{ENV_ACCOUNT_ID,ENV_CREDENTIAL_SCOPE,ENV_EXPIRATION,ENV_KEY,ENV_SECRET,ENV_SESSION,fromEnv};
