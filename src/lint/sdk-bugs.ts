// Warnings where the official @featurevisor/sdk 2.0.0 deviates from the documented behaviour
// (compat reference §15.1). Flagwright's own engine follows the documentation, so results differ.
import type { Feature } from '../model/project.ts';
import type { LintContext } from './context.ts';

export function checkSdkBugs(ctx: LintContext, feature: Feature): void {
  if (feature.archived || feature.variablesSchema.length === 0) return;
  if (Array.isArray(feature.raw.required) && feature.raw.required.length > 0) {
    ctx.findings.warning(
      feature.file,
      ['required'],
      'sdk-required-variables',
      'The feature has "required" dependencies and variables: the official SDK 2.0.0 evaluates the dependencies with the variable key and returns wrong getVariable results (disabled/default values)',
    );
  }
  for (const environment of ctx.project.config.environments) {
    const zeroRule = (feature.rules[environment] ?? []).find((rule) => rule.percentage === 0);
    if (!zeroRule) continue;
    for (const entry of feature.force[environment] ?? []) {
      if (entry.enabled !== true) continue;
      const where = environment ? ` in "${environment}"` : '';
      ctx.findings.warning(
        feature.file,
        [...entry.source.path, 'enabled'],
        'sdk-forced-zero-percent',
        `Forced enabled while rule "${zeroRule.key}"${where} is at 0%: for users that rule matches, the official SDK 2.0.0 returns null for every variable (not even the default)`,
      );
    }
  }
}
