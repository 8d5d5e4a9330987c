// One shape for every problem Flagwright reports: load errors, lint findings, spec failures.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Project-relative file (forward slashes), or an input/config name when no file applies. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. "schema", "unknown-segment", "yaml-syntax". */
  rule: string;
  message: string;
}

/** The one error type: it carries where the problem is, so every command can print file:line. */
export class FlagwrightError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;

  constructor(message: string, diagnostics: Diagnostic[] = [], exitCode = 1) {
    super(message);
    this.name = 'FlagwrightError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }

  /** An error about one place: a file position, an input name or a config key. */
  static at(file: string, line: number, column: number, rule: string, message: string): FlagwrightError {
    return new FlagwrightError(formatLocation(file, line, column) + ': ' + message, [
      { file, line, column, severity: 'error', rule, message },
    ]);
  }
}

export function formatLocation(file: string, line: number, column: number): string {
  if (!line) return file;
  return `${file}:${line}:${column || 1}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
