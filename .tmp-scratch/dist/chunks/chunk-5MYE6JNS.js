import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);

// providers/types.ts
function joinKey(prefix, key) {
  return prefix ? `${prefix}/${key}` : key;
}
var ProviderError = class extends Error {
  retryable;
  constructor(message, retryable = false) {
    super(message);
    this.name = "ProviderError";
    this.retryable = retryable;
  }
};

export {
  joinKey,
  ProviderError
};
