// Prints diagnostics for people (text), programs (json) and GitHub (workflow-command annotations).
// Every command that reports problems goes through here so the formats stay identical.
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export interface FormatOptions {
  /** Absolute project directory that diagnostic files are relative to. */
  rootDirectory?: string;
  /** Text/json paths are shown relative to this directory (usually the process cwd). */
  cwd?: string;
  /** GitHub annotations need repo-relative paths: GITHUB_WORKSPACE (falls back to cwd). */
  workspace?: string;
  /** Omit the totals line of the text format. */
  totals?: boolean;
}

export function formatDiagnostics(diagnostics: Diagnostic[], format: DiagnosticFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics, options);
    case 'github':
      return formatGithub(diagnostics, options);
    default:
      return formatText(diagnostics, options);
  }
}

export function countDiagnostics(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** "files" that are option or input names (no slash, no extension) are left alone. */
function looksLikePath(file: string): boolean {
  return file.includes('/') || file.includes('\\') || /\.[A-Za-z0-9]+$/.test(file);
}

function displayPath(file: string, rootDirectory: string | undefined, base: string | undefined): string {
  if (!file || !rootDirectory || !base || !looksLikePath(file)) return file;
  const absolute = isAbsolute(file) ? file : join(rootDirectory, file);
  const shown = relative(base, absolute) || '.';
  return shown.split(sep).join('/');
}

function location(diagnostic: Diagnostic, file: string): string {
  if (!diagnostic.line) return file;
  return `${file}:${diagnostic.line}:${diagnostic.column || 1}`;
}

export function formatTotals(diagnostics: Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  if (errors + warnings === 0) return 'no problems found';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

function formatText(diagnostics: Diagnostic[], options: FormatOptions): string {
  const lines = diagnostics.map((diagnostic) => {
    const where = location(diagnostic, displayPath(diagnostic.file, options.rootDirectory, options.cwd));
    // Continuation lines of a multi-line message stay visually attached to their diagnostic.
    const message = diagnostic.message.replace(/\r?\n/g, '\n    ');
    return `${where}  ${diagnostic.severity}  ${diagnostic.rule}  ${message}`;
  });
  if (options.totals !== false) lines.push(formatTotals(diagnostics));
  return lines.join('\n') + '\n';
}

function formatJson(diagnostics: Diagnostic[], options: FormatOptions): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const shown = diagnostics.map((d) => ({
    file: displayPath(d.file, options.rootDirectory, options.cwd),
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  }));
  return JSON.stringify({ diagnostics: shown, errors, warnings }, null, 2) + '\n';
}

/** Workflow-command data escaping (message part). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property escaping (file=, title=): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function formatGithub(diagnostics: Diagnostic[], options: FormatOptions): string {
  const base = options.workspace ?? options.cwd;
  const lines = diagnostics.map((diagnostic) => {
    const properties: string[] = [];
    const file = displayPath(diagnostic.file, options.rootDirectory, base);
    if (file && looksLikePath(file)) properties.push(`file=${escapeProperty(file)}`);
    if (diagnostic.line) {
      properties.push(`line=${diagnostic.line}`);
      properties.push(`col=${diagnostic.column || 1}`);
    }
    properties.push(`title=${escapeProperty(diagnostic.rule)}`);
    // Without a file GitHub shows the annotation unanchored; keep the input/option name in the text.
    const prefix = file && !looksLikePath(file) ? `${file}: ` : '';
    return `::${diagnostic.severity} ${properties.join(',')}::${escapeData(prefix + diagnostic.message)}`;
  });
  lines.push(formatTotals(diagnostics));
  return lines.join('\n') + '\n';
}
