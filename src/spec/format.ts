// Spec report output: text (like `featurevisor test`), json, github (workflow commands) and JUnit XML.
import { join, relative, sep } from 'node:path';
import { formatDiagnostics } from '../render/diagnostics.ts';
import { show } from './compare.ts';
import { formatAssertionError } from './run.ts';
import type { SpecReport } from './types.ts';

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
  const lines: string[] = [];
  for (const spec of report.specs) {
    lines.push(`Testing: ${displayPath(spec.file, options)} (${ms(spec.durationMs)})`);
    lines.push(`  ${spec.kind} "${spec.key}":`);
    for (const assertion of spec.assertions) {
      const environment = assertion.environment ? ` (${assertion.environment})` : '';
      lines.push(`  ${assertion.passed ? '✔' : '✘'} ${assertion.description}${environment} (${ms(assertion.durationMs)})`);
      if (assertion.passed) continue;
      const where = assertion.line ? `${displayPath(assertion.file, options)}:${assertion.line}:${assertion.column || 1}` : displayPath(assertion.file, options);
      lines.push(`    at ${where}`);
      for (const error of assertion.errors) {
        if (error.message) {
          lines.push(`    => ${error.message}`);
        } else {
          lines.push(`    => ${error.field}:`, `       expected: ${show(error.expected)}`, `       received: ${show(error.received)}`);
        }
      }
    }
    lines.push('');
  }
  lines.push('---', '', formatTotals(report));
  return lines.join('\n') + '\n';
}

function toJson(report: SpecReport, options: SpecFormatOptions) {
  return {
    passed: report.passed,
    failed: report.failed,
    durationMs: Math.round(report.durationMs),
    specs: report.specs.map((spec) => ({
      file: displayPath(spec.file, options),
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

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function formatJunit(report: SpecReport, options: SpecFormatOptions): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="flagwright test" tests="${report.passed + report.failed}" failures="${report.failed}" time="${(report.durationMs / 1000).toFixed(3)}">`);
  for (const spec of report.specs) {
    const failures = spec.assertions.filter((a) => !a.passed).length;
    const file = displayPath(spec.file, options);
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
