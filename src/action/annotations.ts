// Lint and spec problems as workflow annotations. GitHub keeps at most 10 of each type per step and drops
// the rest silently, so we choose which 10: changed files first, then lint before specs, then file order.
import * as core from '@actions/core';
import type { Diagnostic } from '../model/diagnostic.ts';

export interface SourcedDiagnostic extends Diagnostic {
  origin: 'lint' | 'test';
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  /** Repository-relative path, so the annotation attaches to the PR's "Files changed". */
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface SelectOptions {
  /** Project directory relative to the repository root ("" for the root). */
  projectPath: string;
  /** Repository-relative files the pull request changes. */
  changedFiles?: ReadonlySet<string>;
  /** GitHub's per-type, per-step limit. */
  perType?: number;
}

/** Pure: which annotations to emit, in order, with one notice counting whatever did not fit. */
export function selectAnnotations(diagnostics: readonly SourcedDiagnostic[], options: SelectOptions): Annotation[] {
  const perType = options.perType ?? 10;
  const changed = options.changedFiles ?? new Set<string>();
  const located = diagnostics.map((diagnostic) => ({ diagnostic, file: repoPath(options.projectPath, diagnostic) }));
  const rank = (entry: (typeof located)[number]) => [
    entry.file !== undefined && changed.has(entry.file) ? 0 : 1,
    entry.diagnostic.origin === 'lint' ? 0 : 1,
    entry.file === undefined ? 1 : 0,
  ];
  const ordered = located
    .map((entry, index) => ({ ...entry, index, key: rank(entry) }))
    .sort((a, b) => compareKeys(a.key, b.key) || compareLocation(a, b) || a.index - b.index);

  const out: Annotation[] = [];
  const left = { error: 0, warning: 0 };
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = ordered.filter((entry) => entry.diagnostic.severity === level);
    for (const entry of ofLevel.slice(0, perType)) out.push(toAnnotation(entry.diagnostic, entry.file));
    left[level] = Math.max(0, ofLevel.length - perType);
  }
  if (left.error || left.warning) {
    const parts = [];
    if (left.error) parts.push(`${left.error} more error${left.error === 1 ? '' : 's'}`);
    if (left.warning) parts.push(`${left.warning} more warning${left.warning === 1 ? '' : 's'}`);
    out.push({
      level: 'notice',
      title: 'Flagwright: more problems',
      message: `${parts.join(' and ')} not annotated (GitHub shows at most ${perType} per type); see the job summary or the step log.`,
    });
  }
  return out;
}

function repoPath(projectPath: string, diagnostic: Diagnostic): string | undefined {
  // Diagnostics about inputs or config keys carry no file in the repository.
  if (!diagnostic.file || diagnostic.file.includes(':') || !diagnostic.line) return undefined;
  const file = diagnostic.file.replace(/^\.\//, '');
  return projectPath ? `${projectPath.replace(/\/+$/, '')}/${file}` : file;
}

function toAnnotation(diagnostic: SourcedDiagnostic, file: string | undefined): Annotation {
  const annotation: Annotation = {
    level: diagnostic.severity,
    title: `Flagwright ${diagnostic.origin === 'lint' ? 'lint' : 'test'} (${diagnostic.rule})`,
    message: file ? diagnostic.message : `${diagnostic.file}: ${diagnostic.message}`,
  };
  if (file) {
    annotation.file = file;
    annotation.startLine = diagnostic.line;
    if (diagnostic.column) annotation.startColumn = diagnostic.column;
  }
  return annotation;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function compareLocation(a: { file?: string; diagnostic: Diagnostic }, b: { file?: string; diagnostic: Diagnostic }): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.diagnostic.line - b.diagnostic.line || a.diagnostic.column - b.diagnostic.column;
}

/** Thin glue: hands the selection to the runner. */
export function emitAnnotations(annotations: readonly Annotation[]): void {
  for (const { level, message, ...properties } of annotations) core[level](message, properties);
}
