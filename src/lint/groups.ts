// Groups: slot sums, known features, one group per feature, and rules within the slot's share.
import { checkEntityName, type LintContext } from './context.ts';

const TOLERANCE = 1e-6;

export function checkGroups(ctx: LintContext): void {
  const groupsOfFeature = new Map<string, string[]>();
  for (const group of ctx.project.groups.values()) {
    checkEntityName(ctx.findings, group.file, group.key, true);
    const slots = Array.isArray(group.raw.slots) ? (group.raw.slots as unknown[]) : [];
    const total = group.slots.reduce((sum, slot) => sum + slot.percentage, 0);
    if (slots.length && Math.abs(total - 100) > TOLERANCE) {
      ctx.findings.error(group.file, ['slots'], 'group-percentage', `Total percentage of all slots is not 100 (it is ${Math.round(total * 1e6) / 1e6})`);
    }
    // A feature may take several slots of one group; its rules may use their combined share.
    const share = new Map<string, number>();
    group.slots.forEach((slot, index) => {
      if (slot.feature === undefined) return;
      const feature = ctx.project.features.get(slot.feature);
      const path = ['slots', index, 'feature'];
      if (!feature) {
        ctx.findings.error(group.file, path, 'unknown-feature', `Unknown feature "${slot.feature}"`);
        return;
      }
      if (feature.archived) ctx.findings.warning(group.file, path, 'archived-feature', `Feature "${slot.feature}" is archived`);
      if (!share.has(slot.feature)) {
        const groups = groupsOfFeature.get(slot.feature) ?? [];
        groups.push(group.key);
        groupsOfFeature.set(slot.feature, groups);
      }
      share.set(slot.feature, (share.get(slot.feature) ?? 0) + slot.percentage);
    });
    for (const [key, percentage] of share) {
      const feature = ctx.project.features.get(key)!;
      for (const [environment, rules] of Object.entries(feature.rules)) {
        for (const rule of rules) {
          if (rule.percentage <= percentage + TOLERANCE) continue;
          const where = environment ? ` in "${environment}"` : '';
          ctx.findings.error(
            feature.file,
            [...rule.source.path, 'percentage'],
            'group-rule-percentage',
            `Rule "${rule.key}"${where} has percentage ${rule.percentage}, above the feature's ${percentage}% slot in group "${group.key}"`,
          );
        }
      }
    }
  }
  for (const [key, groups] of groupsOfFeature) {
    if (groups.length < 2) continue;
    for (const groupKey of groups) {
      const group = ctx.project.groups.get(groupKey)!;
      const index = group.slots.findIndex((slot) => slot.feature === key);
      const others = groups.filter((other) => other !== groupKey);
      ctx.findings.error(
        group.file,
        ['slots', index, 'feature'],
        'feature-in-multiple-groups',
        `Feature "${key}" is also in group${others.length > 1 ? 's' : ''} ${others.map((o) => `"${o}"`).join(', ')}; a feature may belong to one group only`,
      );
    }
  }
}
