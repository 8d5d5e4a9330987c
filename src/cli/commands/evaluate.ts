// flagwright evaluate: one feature for one context, with the reasons behind the answer
// (force entry, required feature, matched rule, bucket key/value, allocation range).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEvaluator, matchSegmentExpression, type Evaluation, type Evaluator } from '../../engine/index.ts';
import { convertV1Datafile } from '../../engine/v1.ts';
import type { AnyDatafile, Context, DatafileFeature, DatafileV2 } from '../../model/datafile.ts';
import { FlagwrightError } from '../../model/diagnostic.ts';
import { NO_ENVIRONMENT } from '../../model/project.ts';
import { parseOptions, type Command } from '../command.ts';

const usage =
  'flagwright evaluate --environment E --feature F [--context JSON] [--project DIR | --datafile FILE] [--json]';

const command: Command = {
  name: 'evaluate',
  summary: 'Evaluate one feature for one context and explain why (forced, rule, bucket, allocation, required).',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        environment: { type: 'string' },
        feature: { type: 'string' },
        context: { type: 'string' },
        project: { type: 'string' },
        datafile: { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (!values.feature) throw new FlagwrightError(`--feature is required\nusage: ${usage}`, [], 2);
    if (values.project && values.datafile) throw new FlagwrightError('use either --project or --datafile, not both', [], 2);
    const context = parseContext(values.context);
    const { datafile, environment } = values.datafile
      ? { datafile: readDatafile(resolve(io.cwd, values.datafile)), environment: values.environment }
      : await datafileFromProject(resolve(io.cwd, values.project ?? '.'), values.environment);

    // Explanations read the v2 view; the evaluator converts schemaVersion "1" the same way.
    const v2 = datafile.schemaVersion === '1' ? convertV1Datafile(datafile) : datafile;
    const evaluator = createEvaluator(v2);
    const featureKey = values.feature;
    const feature = Object.hasOwn(v2.features, featureKey) ? v2.features[featureKey] : undefined;
    const flag = evaluator.evaluateFlag(featureKey, context);
    const variation = evaluator.evaluateVariation(featureKey, context);
    const variables: Record<string, { value: unknown; evaluation: Evaluation }> = {};
    for (const variableKey of Object.keys(feature?.variablesSchema ?? {})) {
      variables[variableKey] = {
        value: evaluator.getVariable(featureKey, variableKey, context),
        evaluation: evaluator.evaluateVariable(featureKey, variableKey, context),
      };
    }

    if (values.json) {
      const result = {
        featureKey,
        environment: environment ?? null,
        context,
        enabled: flag.enabled === true,
        variation: evaluator.getVariation(featureKey, context),
        variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.value])),
        evaluations: {
          flag: serializable(flag),
          variation: serializable(variation),
          variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, serializable(v.evaluation)])),
        },
        required: explainRequired(evaluator, feature, context),
      };
      io.stdout(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }

    const lines: string[] = [];
    lines.push(`feature "${featureKey}"${environment ? ` in ${environment}` : ''} for context ${JSON.stringify(context)}`);
    lines.push('');
    lines.push(`enabled:   ${flag.enabled === true}`);
    lines.push(`  why: ${explainFlag(flag, evaluator, feature, context, v2)}`);
    const bucket = explainBucket(flag);
    if (bucket) lines.push(`  ${bucket}`);
    if (feature?.variations?.length) {
      lines.push(`variation: ${JSON.stringify(evaluator.getVariation(featureKey, context))}`);
      lines.push(`  why: ${explainVariation(variation)}`);
    }
    for (const [variableKey, { value, evaluation }] of Object.entries(variables)) {
      lines.push(`variable ${variableKey}: ${JSON.stringify(value)}`);
      lines.push(`  why: ${explainVariable(evaluation)}`);
    }
    io.stdout(lines.join('\n') + '\n');
    return 0;
  },
};

export default command;

function parseContext(text: string | undefined): Context {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FlagwrightError(`--context is not valid JSON: ${(error as Error).message}`, [], 2);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FlagwrightError('--context must be a JSON object, e.g. {"userId":"123","country":"nl"}', [], 2);
  }
  return parsed as Context;
}

function readDatafile(path: string): AnyDatafile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FlagwrightError(`--datafile: cannot read ${path}: ${(error as Error).message}`, [], 2);
  }
  let parsed: AnyDatafile;
  try {
    parsed = JSON.parse(text) as AnyDatafile;
  } catch (error) {
    throw new FlagwrightError(`--datafile: ${path} is not valid JSON: ${(error as Error).message}`, [], 2);
  }
  if (!parsed || typeof parsed !== 'object' || !parsed.features || !parsed.segments) {
    throw new FlagwrightError(`--datafile: ${path} is not a Featurevisor datafile (no "features"/"segments")`, [], 2);
  }
  return parsed;
}

async function datafileFromProject(rootDirectory: string, environment: string | undefined) {
  const { loadProject } = await import('../../project/load.ts');
  const { buildDatafile } = await import('../../build/index.ts');
  const { stateFromFeaturevisorFiles } = await import('../../build/state.ts');
  const { project, diagnostics } = await loadProject(rootDirectory);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FlagwrightError(`the project has ${errors.length} load error(s); run "flagwright lint"`, errors);
  let env: string;
  if (project.config.environmentsDisabled) {
    env = NO_ENVIRONMENT;
  } else if (!environment) {
    throw new FlagwrightError(`--environment is required (one of ${project.config.environments.join(', ')})`, [], 2);
  } else if (!project.config.environments.includes(environment)) {
    throw new FlagwrightError(`--environment: unknown environment "${environment}" (configured: ${project.config.environments.join(', ')})`, [], 2);
  } else {
    env = environment;
  }
  const state = stateFromFeaturevisorFiles(project.config);
  return { datafile: buildDatafile(project, { environment: env, tag: null, revision: 'evaluate', state }) as AnyDatafile, environment: env || undefined };
}


function serializable(evaluation: Evaluation): Record<string, unknown> {
  const { error, ...rest } = evaluation;
  return error ? { ...rest, error: error.message } : rest;
}

function describeMatch(entry: { conditions?: unknown; segments?: unknown }): string {
  const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  if (entry.conditions) return `conditions ${show(entry.conditions)}`;
  if (entry.segments) return `segments ${show(entry.segments)}`;
  return 'no conditions';
}

function percent(value: number): string {
  return `${(value / 1000).toFixed(3).replace(/\.?0+$/, '')}%`;
}

function explainRequired(evaluator: Evaluator, feature: DatafileFeature | undefined, context: Context) {
  return (feature?.required ?? []).map((required) => {
    const key = typeof required === 'string' ? required : required.key;
    const wantedVariation = typeof required === 'string' ? undefined : required.variation;
    const enabled = evaluator.isEnabled(key, context);
    const variation = wantedVariation !== undefined && enabled ? evaluator.getVariation(key, context) : undefined;
    const satisfied = enabled && (wantedVariation === undefined || variation === wantedVariation);
    return { key, wantedVariation, enabled, variation, satisfied, reason: evaluator.evaluateFlag(key, context).reason };
  });
}

function explainFlag(
  flag: Evaluation,
  evaluator: Evaluator,
  feature: DatafileFeature | undefined,
  context: Context,
  datafile: DatafileV2,
): string {
  switch (flag.reason) {
    case 'feature_not_found':
      return 'the feature is not in this datafile (unknown, archived, or not exposed in this environment)';
    case 'sticky':
      return 'sticky value';
    case 'forced':
      return `force[${flag.forceIndex}] matched (${describeMatch(flag.force ?? {})}) and sets enabled: ${flag.enabled}`;
    case 'required': {
      const failed = explainRequired(evaluator, feature, context).find((r) => !r.satisfied);
      if (!failed) return 'a required feature is not enabled';
      if (!failed.enabled) return `required feature "${failed.key}" is disabled (${failed.reason})`;
      return `required feature "${failed.key}" has variation ${JSON.stringify(failed.variation)}, not "${failed.wantedVariation}"`;
    }
    case 'rule': {
      const traffic = flag.traffic;
      const segments = traffic ? (typeof traffic.segments === 'string' ? traffic.segments : JSON.stringify(traffic.segments)) : '?';
      if (traffic && traffic.percentage === 0) return `rule "${flag.ruleKey}" (segments ${segments}) matched first and has 0% rollout`;
      if (traffic && traffic.enabled !== undefined) return `rule "${flag.ruleKey}" (segments ${segments}) matched and sets enabled: ${traffic.enabled}`;
      return `rule "${flag.ruleKey}" (segments ${segments}) matched; bucket ${flag.bucketValue} <= ${traffic?.percentage} (${percent(traffic?.percentage ?? 0)} rollout)`;
    }
    case 'allocated':
      return `rule "${flag.ruleKey}" matched and bucket ${flag.bucketValue} is inside the feature's group ranges ${JSON.stringify(feature?.ranges)}`;
    case 'out_of_range':
      return `bucket ${flag.bucketValue} is outside the feature's group ranges ${JSON.stringify(feature?.ranges)} (mutually exclusive group)`;
    case 'no_match':
      {
        // The SDK takes the first rule whose segments match; say which one and why it did not enable.
        const traffic = (feature?.traffic ?? []).find((t) => matchSegmentExpression(t.segments, datafile.segments, context));
        if (!traffic) return 'no rule\'s segments matched this context';
        return `rule "${traffic.key}" matched first, but bucket ${flag.bucketValue} > ${traffic.percentage} (${percent(traffic.percentage)} rollout)`;
      }
    case 'error':
      return `evaluation failed: ${flag.error?.message}`;
    default:
      return flag.reason;
  }
}

function explainBucket(evaluation: Evaluation): string | undefined {
  if (evaluation.bucketKey === undefined) return undefined;
  return `bucket key "${evaluation.bucketKey}" → bucket value ${evaluation.bucketValue} of 100000 (${percent(evaluation.bucketValue ?? 0)})`;
}

function explainVariation(evaluation: Evaluation): string {
  switch (evaluation.reason) {
    case 'allocated': {
      const allocation = evaluation.traffic?.allocation?.find(
        (a) => a.range[0] <= (evaluation.bucketValue ?? -1) && a.range[1] >= (evaluation.bucketValue ?? -1),
      );
      return `rule "${evaluation.ruleKey}": bucket ${evaluation.bucketValue} falls in allocation range ${JSON.stringify(allocation?.range)} of "${allocation?.variation}"`;
    }
    case 'rule':
      return evaluation.variation ? `rule "${evaluation.ruleKey}" sets the variation` : `rule "${evaluation.ruleKey}" has 0% rollout`;
    case 'forced':
      return `force[${evaluation.forceIndex}] sets the variation`;
    case 'variation_disabled':
      return 'the feature is disabled: disabledVariationValue';
    case 'disabled':
      return 'the feature is disabled';
    case 'no_match':
      return `no allocation range contains bucket ${evaluation.bucketValue}`;
    case 'error':
      return `evaluation failed: ${evaluation.error?.message}`;
    default:
      return evaluation.reason;
  }
}

function explainVariable(evaluation: Evaluation): string {
  switch (evaluation.reason) {
    case 'variable_override':
      return `override in the variation (rule "${evaluation.ruleKey}")`;
    case 'allocated':
      return `value of the allocated variation (rule "${evaluation.ruleKey}")`;
    case 'rule':
      return evaluation.variableValue === undefined ? `rule "${evaluation.ruleKey}" has 0% rollout` : `rule "${evaluation.ruleKey}" sets it`;
    case 'forced':
      return `force[${evaluation.forceIndex}] sets it`;
    case 'variable_default':
      return 'default value';
    case 'variable_disabled':
      return 'the feature is disabled: disabledValue';
    case 'disabled':
      return 'the feature is disabled';
    case 'error':
      return `evaluation failed: ${evaluation.error?.message}`;
    default:
      return evaluation.reason;
  }
}
