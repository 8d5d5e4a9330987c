// Attribute and segment checks beyond the schema: names and condition semantics.
import { checkConditions } from './conditions.ts';
import { checkEntityName, type LintContext } from './context.ts';

export function checkAttributes(ctx: LintContext): void {
  for (const attribute of ctx.project.attributes.values()) checkEntityName(ctx, attribute.file, attribute.key, false);
}

export function checkSegments(ctx: LintContext): void {
  for (const segment of ctx.project.segments.values()) {
    checkEntityName(ctx, segment.file, segment.key, true);
    if ('conditions' in segment.raw) checkConditions(ctx, segment.file, ['conditions'], segment.raw.conditions);
  }
}
