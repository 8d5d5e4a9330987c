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

export class FindingList {
  readonly items: Finding[] = [];

  error(file: string, path: DocPath, rule: string, message: string): void {
    this.items.push({ source: { file, path }, severity: 'error', rule, message });
  }

  warning(file: string, path: DocPath, rule: string, message: string): void {
    this.items.push({ source: { file, path }, severity: 'warning', rule, message });
  }
}
