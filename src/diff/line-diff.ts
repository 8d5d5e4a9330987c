// Minimal line diff (longest common subsequence) for the per-feature details block.
// Inputs are a feature's description (tens of lines), so the quadratic table is cheap.

/** Returns lines prefixed with ' ' (kept), '-' (base only) or '+' (head only). */
export function lineDiff(before: string[], after: string[]): string[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j] = LCS length of before[i..] and after[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push(' ' + before[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push('-' + before[i++]);
    } else {
      out.push('+' + after[j++]);
    }
  }
  while (i < n) out.push('-' + before[i++]);
  while (j < m) out.push('+' + after[j++]);
  return out;
}
