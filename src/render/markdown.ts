// Markdown helpers shared by the comment and the job summary: escaping, budgets, re-closing structures.

/** Text safe inside a GFM table cell (pipes and newlines would break the row). */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** An inline code span that survives backticks in the value. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fence longer than any backtick run in the content, so the content cannot close it early. */
export function fenceFor(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/^\s*(`{3,})/gm)].map((m) => m[1].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * Re-closes a code fence and any <details>/<summary>/<table>/<blockquote> left open by a cut,
 * so the rest of the comment renders. Scans line by line; tags inside fences are ignored.
 */
export function closeUnclosedStructures(markdown: string): string {
  let fence: string | undefined;
  const open: string[] = [];
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    for (const tag of line.matchAll(/<(\/?)(details|summary|table|blockquote)\b[^>]*>/gi)) {
      const name = tag[2].toLowerCase();
      if (tag[1]) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.splice(at, 1);
      } else {
        open.push(name);
      }
    }
  }
  let tail = '';
  if (fence) tail += `\n${fence}`;
  for (const name of open.reverse()) tail += name === 'summary' ? `</summary>` : `\n\n</${name}>`;
  return tail ? markdown + tail + '\n' : markdown;
}

/**
 * Cuts markdown to at most `budget` characters at a line boundary, closes what the cut left open,
 * and appends `note`. Used as the last resort after whole sections have been dropped.
 */
export function truncateMarkdown(markdown: string, budget: number, note: string): string {
  if (markdown.length <= budget) return markdown;
  const reserve = note.length + 200; // closing tags + note
  let cut = markdown.slice(0, Math.max(0, budget - reserve));
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > 0) cut = cut.slice(0, lastNewline);
  // Never end inside a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return closeUnclosedStructures(cut) + '\n' + note + '\n';
}
