// Lint findings carry a document path; positions.ts turns them into file:line:col afterwards,
// so only files with problems are ever re-read.
import type { Severity } from '../model/diagnostic.ts';
import type { DocPath, SourceRef } from '../model/project.ts';

/** Same shape as src/project/positions.ts `Finding`. */
export interface Finding {
  source: SourceRef;
  severity: Severity;
  rule: string;
  message: string;
}

/** Findings keep a copy of their path: checks may pass a path they use as a stack (pushed and popped). */
export class FindingList {
  readonly items: Finding[] = [];

  error(file: string, path: DocPath, rule: string, message: string): void {
    this.items.push({ source: { file, path: path.slice() }, severity: 'error', rule, message });
  }

  warning(file: string, path: DocPath, rule: string, message: string): void {
    this.items.push({ source: { file, path: path.slice() }, severity: 'warning', rule, message });
  }
}
