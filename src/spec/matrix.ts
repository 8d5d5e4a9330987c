// Matrix expansion for spec assertions (Featurevisor semantics): the cartesian product of the matrix
// values in key order; "${{ key }}" placeholders are substituted in environment, at, description and
// the top-level context values. A string that is exactly one placeholder takes the raw typed value.

export type MatrixRow = Record<string, unknown>;

const PLACEHOLDER = /\$\{\{\s*([^\s}]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{\s*([^\s}]+)\s*\}\}$/;

const EMPTY_ROW: MatrixRow = Object.freeze({});
const NO_MATRIX: readonly MatrixRow[] = Object.freeze([EMPTY_ROW]);

export function expandMatrix(matrix: Record<string, unknown[]> | undefined): readonly MatrixRow[] {
  // Most assertions have no matrix: one shared empty row, and substitution knows it changes nothing.
  if (!matrix) return NO_MATRIX;
  let rows: MatrixRow[] = [{}];
  for (const [key, values] of Object.entries(matrix)) {
    const list = Array.isArray(values) ? values : [values];
    const next: MatrixRow[] = [];
    for (const row of rows) for (const value of list) next.push({ ...row, [key]: value });
    rows = next;
  }
  return rows;
}

export function substitute(value: unknown, row: MatrixRow): unknown {
  if (typeof value !== 'string' || row === EMPTY_ROW || !value.includes('${{')) return value;
  const whole = WHOLE_PLACEHOLDER.exec(value);
  if (whole && Object.hasOwn(row, whole[1])) return row[whole[1]];
  return value.replace(PLACEHOLDER, (match, key: string) => (Object.hasOwn(row, key) ? String(row[key]) : match));
}

export function substituteContext(context: unknown, row: MatrixRow): unknown {
  if (!context || typeof context !== 'object' || Array.isArray(context)) return context;
  // Without a matrix the copy would equal the original (same prototype, no "__proto__" key to re-apply).
  if (row === EMPTY_ROW && Object.getPrototypeOf(context) === Object.prototype && !Object.hasOwn(context, '__proto__')) return context;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) result[key] = substitute(value, row);
  return result;
}

/** `at` after substitution: a numeric string becomes a number (parseFloat with ".", else parseInt). */
export function substituteAt(at: unknown, row: MatrixRow): unknown {
  const value = substitute(at, row);
  if (typeof value === 'string') return value.includes('.') ? parseFloat(value) : parseInt(value, 10);
  return value;
}

/** An assertion's environment for one matrix row (placeholders filled in), as the runner reads it. */
export function substituteEnvironment(environment: unknown, row: MatrixRow): string | undefined {
  const value = substitute(environment, row);
  return value === undefined ? undefined : String(value);
}
