#!/usr/bin/env node
// Generates a synthetic Featurevisor project for benchmarks and compatibility tests.
//
//   node bench/gen-project.mjs --out DIR --features N [--segments M] [--attributes K]
//        [--environments a,b,c] [--tags T] [--tests-per-feature A] [--format v1|v2] [--seed S] [--force]
//
// Defaults: M = max(5, round(N/10)), K = 30, development,staging,production, T = 20 (`all` first),
// A = 3, v1, seed 1. Same options → byte-identical output. Plain Node ≥ 20, no dependencies.
// The project has no package.json and its featurevisor.config.js is CommonJS (the official CLI
// require()s exactly that file), so generate it outside any "type": "module" package, or next to a
// package.json saying {"type": "commonjs"} (bench/lib/projects.mjs does this under bench/.work/).

import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './lib/rng.mjs';
import { toYaml } from './lib/yaml-emit.mjs';
import { Oracle } from './lib/oracle.mjs';
import { makeAttributes, makeFeatures, makeSegments } from './lib/synth-model.mjs';
import { makeFeatureSpecs, makeSegmentSpecs } from './lib/synth-specs.mjs';
import { DEFAULT_TAGS } from './lib/synth-vocab.mjs';

const USAGE = `usage: node bench/gen-project.mjs --out DIR --features N [--segments M] [--attributes K]
       [--environments a,b,c] [--tags T] [--tests-per-feature A] [--format v1|v2] [--seed S] [--force]`;

const GENERATED_DIRS = ['attributes', 'segments', 'features', 'groups', 'tests', '.featurevisor', 'dist', 'datafiles'];

// ------------------------------------------------------------------ options

function integer(value, name, fallback, min) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got "${value}")`);
  return n;
}

/** Fills in defaults and validates; accepts the CLI's names in camelCase. */
export function resolveOptions(options) {
  if (!options.out) throw new Error('--out is required');
  const features = integer(options.features, 'features', undefined, 1);
  if (features === undefined) throw new Error('--features is required');
  const environments = Array.isArray(options.environments)
    ? options.environments
    : String(options.environments ?? 'development,staging,production').split(',').map((e) => e.trim()).filter(Boolean);
  if (!environments.length || new Set(environments).size !== environments.length || environments.some((e) => !/^[a-z0-9_-]+$/i.test(e)))
    throw new Error('--environments must be distinct names made of letters, digits, "-" and "_"');
  const format = options.format ?? 'v1';
  if (format !== 'v1' && format !== 'v2') throw new Error(`--format must be v1 or v2 (got "${format}")`);
  const tagCount = integer(options.tags, 'tags', 20, 1);
  return {
    out: resolve(options.out),
    features,
    segments: integer(options.segments, 'segments', Math.max(5, Math.round(features / 10)), 1),
    attributes: integer(options.attributes, 'attributes', 30, 1),
    environments,
    tags: Array.from({ length: tagCount }, (_, i) => DEFAULT_TAGS[i] ?? `team-${i + 1}`),
    testsPerFeature: integer(options.testsPerFeature, 'tests-per-feature', 3, 0),
    format,
    seed: String(options.seed ?? '1'),
    force: Boolean(options.force),
  };
}

function parseArgv(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    let [name, value] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === 'force' || name === 'help') value = 'true';
    else if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    const known = ['out', 'features', 'segments', 'attributes', 'environments', 'tags', 'tests-per-feature', 'format', 'seed', 'force', 'help'];
    if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
    options[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
  }
  return options;
}

// ------------------------------------------------------------------ YAML per dialect

function attributeDocument(attribute, format) {
  return { description: attribute.description, type: attribute.type, capture: format === 'v1' && attribute.capture ? true : undefined };
}

function segmentDocument(segment) {
  return { archived: segment.archived || undefined, description: segment.description, conditions: segment.conditions };
}

const rulesOut = (rules) => rules.map(({ key, description, segments, percentage, variation, variables }) => ({ key, description, segments, percentage, variation, variables }));

function featureHead(feature) {
  return {
    description: feature.description,
    tags: feature.tags,
    bucketBy: feature.bucketBy,
    archived: feature.archived,
    deprecated: feature.deprecated,
    required: feature.required,
  };
}

function featureDocumentV1(feature, environments) {
  const perEnvironment = {};
  for (const env of environments) {
    const { rules, force, expose } = feature.envs[env];
    perEnvironment[env] = { expose, rules: rulesOut(rules), force };
  }
  return {
    ...featureHead(feature),
    variablesSchema: feature.variablesSchema,
    variations: feature.variations,
    environments: perEnvironment,
  };
}

function featureDocumentV2(feature, environments) {
  const variablesSchema = feature.variablesSchema
    ? Object.fromEntries(feature.variablesSchema.map((s) => [s.key, { type: s.type, description: s.description, defaultValue: s.defaultValue }]))
    : undefined;
  const variations = feature.variations?.map((variation) => {
    const own = variation.variables ?? [];
    const overridden = own.filter((v) => v.overrides);
    return {
      value: variation.value,
      weight: variation.weight,
      description: variation.description,
      variables: own.length ? Object.fromEntries(own.map((v) => [v.key, v.value])) : undefined,
      variableOverrides: overridden.length ? Object.fromEntries(overridden.map((v) => [v.key, v.overrides])) : undefined,
    };
  });
  const rules = {};
  const force = {};
  const expose = {};
  for (const env of environments) {
    const setup = feature.envs[env];
    rules[env] = rulesOut(setup.rules);
    if (setup.force) force[env] = setup.force;
    if (setup.expose !== undefined) expose[env] = setup.expose;
  }
  return {
    ...featureHead(feature),
    variablesSchema,
    variations,
    force: Object.keys(force).length ? force : undefined,
    rules,
    expose: Object.keys(expose).length ? expose : undefined,
  };
}

function configSource(o) {
  return `// Generated by bench/gen-project.mjs (format ${o.format}, seed ${o.seed}, ${o.features} features).\n` +
    `module.exports = {\n  environments: ${JSON.stringify(o.environments)},\n  tags: ${JSON.stringify(o.tags)},\n};\n`;
}

// ------------------------------------------------------------------ generation

function prepareDirectory(out, force) {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!force) throw new Error(`${out} is not empty (pass --force to replace the generated folders)`);
    for (const dir of GENERATED_DIRS) rmSync(join(out, dir), { recursive: true, force: true });
  }
  for (const dir of ['attributes', 'segments', 'features', 'tests']) mkdirSync(join(out, dir), { recursive: true });
}

/**
 * Writes a project and returns what it wrote. Options: out, features, and optionally segments,
 * attributes, environments (array or comma list), tags (count), testsPerFeature, format, seed, force.
 */
export function generateProject(options) {
  const o = resolveOptions(options);
  const attributes = makeAttributes(o.attributes);
  const segments = makeSegments(o.segments, attributes, createRandom(`${o.seed}/segments`));
  const features = makeFeatures(o.features, { environments: o.environments, tags: o.tags, attributes, segments }, createRandom(`${o.seed}/features`));
  const oracle = new Oracle(features, segments);
  const testRandom = createRandom(`${o.seed}/specs`);
  const specs = [
    ...makeFeatureSpecs(features, { environments: o.environments, segments, perFeature: o.testsPerFeature }, oracle, testRandom),
    ...makeSegmentSpecs(segments, attributes, testRandom),
  ];

  prepareDirectory(o.out, o.force);
  writeFileSync(join(o.out, 'featurevisor.config.js'), configSource(o));
  for (const a of attributes) writeFileSync(join(o.out, 'attributes', `${a.key}.yml`), toYaml(attributeDocument(a, o.format)));
  for (const s of segments) writeFileSync(join(o.out, 'segments', `${s.key}.yml`), toYaml(segmentDocument(s)));
  const toDocument = o.format === 'v1' ? featureDocumentV1 : featureDocumentV2;
  for (const f of features) writeFileSync(join(o.out, 'features', `${f.key}.yml`), toYaml(toDocument(f, o.environments)));
  for (const spec of specs) writeFileSync(join(o.out, 'tests', spec.file), toYaml(spec.body));

  return {
    dir: o.out,
    format: o.format,
    attributes: attributes.length,
    segments: segments.length,
    features: features.length,
    specs: specs.length,
    assertions: specs.reduce((n, s) => n + s.body.assertions.length, 0),
    environments: o.environments.length,
    tags: o.tags.length,
  };
}

function runCli() {
  try {
    const options = parseArgv(process.argv.slice(2));
    if (options.help) {
      process.stdout.write(USAGE + '\n');
      return;
    }
    const r = generateProject(options);
    process.stdout.write(`wrote ${r.dir}: ${r.format}, ${r.attributes} attributes, ${r.segments} segments, ${r.features} features, ` +
      `${r.specs} specs (${r.assertions} assertions), ${r.environments} environments, ${r.tags} tags\n`);
  } catch (error) {
    process.stderr.write(`gen-project: ${error.message}\n`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runCli();
