import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);

// src/model/diagnostic.ts
var FlagwrightError = class _FlagwrightError extends Error {
  diagnostics;
  exitCode;
  constructor(message, diagnostics = [], exitCode = 1) {
    super(message);
    this.name = "FlagwrightError";
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
  /** An error about one place: a file position, an input name or a config key. */
  static at(file, line, column, rule, message) {
    return new _FlagwrightError(formatLocation(file, line, column) + ": " + message, [
      { file, line, column, severity: "error", rule, message }
    ]);
  }
};
function formatLocation(file, line, column) {
  if (!line) return file;
  return `${file}:${line}:${column || 1}`;
}
function compareDiagnostics(a, b) {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export {
  FlagwrightError,
  formatLocation,
  compareDiagnostics
};
