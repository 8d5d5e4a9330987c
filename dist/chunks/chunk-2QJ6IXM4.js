#!/usr/bin/env node
import { createRequire as __flagwrightCreateRequire } from 'node:module';
const require = __flagwrightCreateRequire(import.meta.url);
function listPrefixes(prefix,under){let start=under?joinKey(prefix,under):prefix;return{rootPrefix:prefix?`${prefix}/`:"",listPrefix:start?`${start}/`:""}}function joinKey(prefix,key){return prefix?`${prefix}/${key}`:key}var ProviderError=class extends Error{retryable;constructor(message,retryable=!1){super(message),this.name="ProviderError",this.retryable=retryable}};export{listPrefixes,joinKey,ProviderError};
