// Spec report output: text (like `featurevisor test`), json, github (workflow commands) and JUnit XML.
import { join, relative, sep } from 'node:path';
import { formatDiagnostics } from '../render/diagnostics.ts';
import { show } from './compare.ts';
import { formatAssertionError } from './run.ts';
import type { AssertionResult, SpecReport } from './types.ts';

export type SpecReportFormat = 'text' | 'json' | 'github' | 'junit';

export interface SpecFormatOptions {
  rootDirectory: string;
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** GitHub annotations need repo-relative paths. */
  workspace?: string;
}

export function formatSpecReport(report: SpecReport, format: SpecReportFormat, options: SpecFormatOptions): string {
  switch (format) {
    case 'json':
      return JSON.stringify(toJson(report, options), null, 2) + '\n';
    case 'github':
      return formatDiagnostics(report.failures, 'github', options) + formatTotals(report) + '\n';
    case 'junit':
      return formatJunit(report, options);
    default:
      return formatText(report, options);
  }
}

function displayPath(file: string, options: SpecFormatOptions): string {
  return (relative(options.cwd, join(options.rootDirectory, file)) || '.').split(sep).join('/');
}

type PathDisplay = (file: string) => string;

/**
 * displayPath for many files: spec files share a few directories, so node:path runs once per directory
 * (shown directory + "/" + file name is what relative() gives, as the working directory is never a file).
 */
function createPathDisplay(options: SpecFormatOptions): PathDisplay {
  const byDirectory = new Map<string, string>();
  return (file) => {
    const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf(sep));
    const name = file.slice(slash + 1);
    if (name === '' || name === '.' || name === '..') return displayPath(file, options);
    const directory = file.slice(0, slash + 1);
    let shown = byDirectory.get(directory);
    if (shown === undefined) {
      shown = displayPath(directory || '.', options);
      byDirectory.set(directory, shown);
    }
    return shown === '.' ? name : `${shown}/${name}`;
  };
}

function ms(value: number): string {
  return `${Math.round(value)}ms`;
}

function formatTotals(report: SpecReport): string {
  const failedSpecs = report.specs.filter((s) => s.assertions.some((a) => !a.passed)).length;
  return [
    `Test specs: ${report.specs.length - failedSpecs} passed, ${failedSpecs} failed`,
    `Assertions: ${report.passed} passed, ${report.failed} failed`,
    `Time:       ${ms(report.durationMs)}`,
  ].join('\n');
}

function formatText(report: SpecReport, options: SpecFormatOptions): string {
  const shown = createPathDisplay(options);
  // One growing string (V8 joins the pieces lazily) instead of an array of ~40,000 lines and a join.
  let out = '';
  for (const spec of report.specs) {
    out += `Testing: ${shown(spec.file)} (${ms(spec.durationMs)})\n  ${spec.kind} "${spec.key}":\n`;
    for (const assertion of spec.assertions) {
      const environment = assertion.environment ? ` (${assertion.environment})` : '';
      out += `  ${assertion.passed ? '✔' : '✘'} ${assertion.description}${environment} (${ms(assertion.durationMs)})\n`;
      if (!assertion.passed) out += formatFailure(assertion, shown);
    }
    out += '\n';
  }
  return `${out}---\n\n${formatTotals(report)}\n`;
}

function formatFailure(assertion: AssertionResult, shown: PathDisplay): string {
  const where = assertion.line ? `${shown(assertion.file)}:${assertion.line}:${assertion.column || 1}` : shown(assertion.file);
  let out = `    at ${where}\n`;
  for (const error of assertion.errors) {
    if (error.message) out += `    => ${error.message}\n`;
    else out += `    => ${error.field}:\n       expected: ${show(error.expected)}\n       received: ${show(error.received)}\n`;
  }
  return out;
}

function toJson(report: SpecReport, options: SpecFormatOptions) {
  const shown = createPathDisplay(options);
  return {
    passed: report.passed,
    failed: report.failed,
    durationMs: Math.round(report.durationMs),
    specs: report.specs.map((spec) => ({
      file: shown(spec.file),
      key: spec.key,
      kind: spec.kind,
      assertions: spec.assertions.map((a) => ({
        index: a.index,
        description: a.description,
        environment: a.environment,
        passed: a.passed,
        line: a.line,
        column: a.column,
        errors: a.errors,
      })),
    })),
  };
}

const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => XML_ENTITIES[c]);
}

function formatJunit(report: SpecReport, options: SpecFormatOptions): string {
  const shown = createPathDisplay(options);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="flagwright test" tests="${report.passed + report.failed}" failures="${report.failed}" time="${(report.durationMs / 1000).toFixed(3)}">`);
  for (const spec of report.specs) {
    const failures = spec.assertions.filter((a) => !a.passed).length;
    const file = shown(spec.file);
    out.push(`  <testsuite name="${xml(`${spec.kind} ${spec.key}`)}" file="${xml(file)}" tests="${spec.assertions.length}" failures="${failures}" time="${(spec.durationMs / 1000).toFixed(3)}">`);
    for (const assertion of spec.assertions) {
      const name = assertion.description + (assertion.environment ? ` (${assertion.environment})` : '');
      const open = `    <testcase name="${xml(name)}" classname="${xml(`${spec.kind}.${spec.key}`)}" file="${xml(file)}"${assertion.line ? ` line="${assertion.line}"` : ''} time="${(assertion.durationMs / 1000).toFixed(3)}"`;
      if (assertion.passed) {
        out.push(`${open}/>`);
        continue;
      }
      const message = assertion.errors.map(formatAssertionError).join('; ');
      out.push(`${open}>`);
      out.push(`      <failure message="${xml(message)}" type="${assertion.errors.some((e) => e.message) ? 'invalid' : 'assertion'}">${xml(`${file}:${assertion.line}: ${message}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
