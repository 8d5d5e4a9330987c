// Attribute and segment checks beyond the schema: names, condition semantics, duplicate segments.
import { checkConditions } from './conditions.ts';
import { checkEntityName, type LintContext } from './context.ts';

export function checkAttributes(ctx: LintContext): void {
  for (const attribute of ctx.project.attributes.values()) checkEntityName(ctx.findings, attribute.file, attribute.key, false);
}

export function checkSegments(ctx: LintContext): void {
  const byConditions = new Map<string, string>();
  for (const segment of ctx.project.segments.values()) {
    checkEntityName(ctx.findings, segment.file, segment.key, true);
    if (!('conditions' in segment.raw)) continue;
    checkConditions(ctx, segment.file, ['conditions'], segment.raw.conditions);
    if (segment.archived) continue;
    // Same conditions written twice drift apart over time; the official CLI only finds these on request.
    const fingerprint = JSON.stringify(segment.raw.conditions) ?? '';
    const first = byConditions.get(fingerprint);
    if (first === undefined) byConditions.set(fingerprint, segment.key);
    else ctx.findings.warning(segment.file, ['conditions'], 'duplicate-segment', `Segment "${segment.key}" has the same conditions as "${first}"`);
  }
}
