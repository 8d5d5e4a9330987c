// Engine semantics checked against values observed with @featurevisor/sdk 2.0.0 (reference vectors)
// and against the SDK itself for the hand-picked edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInstance } from '@featurevisor/sdk';
import {
  createEvaluator,
  getBucketKey,
  getBucketValue,
  KNOWN_SDK_DIFFERENCES,
  matchConditions,
  matchSegmentExpression,
} from '../src/engine/index.ts';
import type { DatafileV1, DatafileV2 } from '../src/model/datafile.ts';

test('bucket keys and values match the SDK 2.0.0 vectors (UTF-8 hashing included)', () => {
  const vectors: Array<[unknown, Record<string, unknown>, string, string, number]> = [
    ['userId', { userId: '123' }, 'foo', '123.foo', 3151],
    ['userId', { userId: 123 }, 'foo', '123.foo', 3151],
    [['orgId', 'userId'], { orgId: 'o1', userId: '123' }, 'foo', 'o1.123.foo', 90141],
    [{ or: ['userId', 'deviceId'] }, { deviceId: 'd9' }, 'foo', 'd9.foo', 10277],
    [{ or: ['userId', 'deviceId'] }, { userId: 'u', deviceId: 'd9' }, 'foo', 'u.foo', 78751],
    ['userId', {}, 'foo', 'foo', 20602],
    ['user.id', { user: { id: '42' } }, 'foo', '42.foo', 67380],
    ['userId', { userId: 'ü😀' }, 'foo', 'ü😀.foo', 98888],
    ['userId', { userId: 'u1' }, 'sidebar', 'u1.sidebar', 79568],
    ['userId', { userId: 'u2' }, 'sidebar', 'u2.sidebar', 99624],
    ['userId', { userId: 'u3' }, 'sidebar', 'u3.sidebar', 6432],
    ['userId', { userId: 'u4' }, 'sidebar', 'u4.sidebar', 30467],
    [{ or: ['userId', 'deviceId'] }, { userId: 'x' }, 'checkout', 'x.checkout', 56284],
  ];
  for (const [bucketBy, context, feature, key, value] of vectors) {
    assert.equal(getBucketKey(feature, bucketBy as never, context as never), key);
    assert.equal(getBucketValue(key), value, key);
  }
  // Long and non-ASCII keys take the package's own encoder path: same function, same values.
  const long = 'x'.repeat(5000) + '.foo';
  assert.equal(getBucketValue(long), getBucketValue(long));
});

test('operator edge cases follow the SDK branch order', () => {
  const c = (operator: string, value: unknown, context: Record<string, unknown>, attribute = 'a') =>
    matchConditions({ attribute, operator, value } as never, context as never);
  assert.equal(c('notEquals', 'x', {}), true, 'notEquals is true for a missing attribute');
  assert.equal(c('notIn', ['x'], {}), false, 'notIn is false for a missing attribute');
  assert.equal(c('notContains', 'x', { a: 5 }), false, 'not* on a wrong type is false');
  assert.equal(c('in', ['1'], { a: 1 }), false, 'no string/number coercion');
  assert.equal(c('greaterThan', 5, { a: '6' }), false);
  assert.equal(c('exists', undefined, { a: null }), true, 'null exists');
  assert.equal(c('semverGreaterThan', '1.2.0', { a: '1.10.0' }), true);
  assert.equal(c('semverLessThan', '1.0.0', { a: '1.0.0-beta' }), true, 'pre-release sorts below release');
  assert.equal(c('semverEquals', '1.7.x', { a: '1.7.3' }), true, 'wildcards compare equal');
  assert.equal(c('semverEquals', '1.x', { a: '1.7.3' }), false, 'missing parts are 0, not wildcards');
  assert.equal(c('semverNotEquals', 'abc', { a: '1.0.0' }), false, 'invalid semver never matches');
  assert.equal(c('before', '2024-01-01T00:00:00.000Z', { a: new Date('2023-06-01') }), true);
  assert.equal(c('after', '2024-01-01T00:00:00.000Z', {}), false);
  assert.equal(c('includes', 'b', { a: ['a', 'b'] }), true);
  assert.equal(c('matches', '^U', { a: 'user' }), false);
  assert.equal(matchConditions({ attribute: 'a', operator: 'matches', value: '^U', regexFlags: 'i' } as never, { a: 'user' }), true);
  assert.equal(c('equals', 'deep', { a: { b: 'deep' } }, 'a.b'), true, 'dot paths');
  assert.equal(c('matches', '(', { a: 'x' }), false, 'an invalid regex never matches');
});

test('"not" is NAND in conditions but NOR in segment expressions', () => {
  const yes = { attribute: 'country', operator: 'equals', value: 'nl' };
  const no = { attribute: 'country', operator: 'equals', value: 'de' };
  const context = { country: 'nl' };
  assert.equal(matchConditions({ not: [yes, no] } as never, context), true, 'NOT(true AND false)');
  const segments = { nl: { conditions: [yes] }, de: { conditions: [no] } };
  assert.equal(matchSegmentExpression({ not: ['nl', 'de'] }, segments, context), false, 'NOR: one of them matches');
  assert.equal(matchSegmentExpression({ not: ['de'] }, segments, context), true);
  // Stringified only when it starts with "{" or "[": "nl" is a key, '["nl"]' is JSON.
  assert.equal(matchSegmentExpression('["nl"]', segments, context), true);
  assert.equal(matchSegmentExpression('*', segments, {}), true);
  assert.equal(matchSegmentExpression('missing', segments, context), false);
});

function datafile(features: DatafileV2['features'], segments: DatafileV2['segments'] = {}): DatafileV2 {
  return { schemaVersion: '2', revision: '1', segments, features };
}

test('rollout is inclusive, group ranges end-exclusive, rule % ignored for grouped features except 0', () => {
  const df = datafile({
    plain: { bucketBy: 'userId', traffic: [{ key: 'all', segments: '*', percentage: 50000 }] },
    grouped: { bucketBy: 'userId', ranges: [[0, 50000]], traffic: [{ key: 'all', segments: '*', percentage: 10000 }] },
    zero: { bucketBy: 'userId', ranges: [[0, 50000]], traffic: [{ key: 'all', segments: '*', percentage: 0 }] },
  });
  const at = (value: number) => createEvaluator(df, { bucketValue: () => value });
  assert.equal(at(50000).isEnabled('plain'), true);
  assert.equal(at(50001).isEnabled('plain'), false);
  assert.equal(at(40000).isEnabled('grouped'), true);
  assert.equal(at(50000).isEnabled('grouped'), false);
  assert.equal(at(50000).evaluateFlag('grouped').reason, 'out_of_range');
  assert.equal(at(0).isEnabled('zero'), false);
});

test('bucketValue hook applies to required features; sticky wins over the datafile', () => {
  const df = datafile({
    base: { bucketBy: 'userId', traffic: [{ key: 'all', segments: '*', percentage: 30000 }] },
    dependent: { bucketBy: 'userId', required: ['base'], traffic: [{ key: 'all', segments: '*', percentage: 100000 }] },
  });
  assert.equal(createEvaluator(df, { bucketValue: () => 20000 }).isEnabled('dependent'), true);
  assert.equal(createEvaluator(df, { bucketValue: () => 40000 }).isEnabled('dependent'), false);
  assert.equal(createEvaluator(df, { bucketValue: () => 40000 }).evaluateFlag('dependent').reason, 'required');
  const sticky = createEvaluator(df, { bucketValue: () => 40000, sticky: { base: { enabled: true } } });
  assert.equal(sticky.isEnabled('dependent'), true);
  assert.equal(sticky.evaluateFlag('ghost').reason, 'feature_not_found');
});

test('variables: overrides, json parsing, disabledValue and useDefaultWhenDisabled', () => {
  const df = datafile(
    {
      f: {
        bucketBy: 'userId',
        variablesSchema: {
          color: { type: 'string', defaultValue: 'red', disabledValue: 'grey' },
          config: { type: 'json', defaultValue: '{"a":1}', useDefaultWhenDisabled: true },
          size: { type: 'integer', defaultValue: 1 },
        },
        variations: [
          { value: 'control', weight: 50 },
          {
            value: 'treatment',
            weight: 50,
            variables: { color: 'blue' },
            variableOverrides: { color: [{ segments: 'de', value: 'black' }] },
          },
        ],
        traffic: [
          { key: 'de', segments: 'de', percentage: 100000, allocation: [{ variation: 'treatment', range: [0, 100000] }] },
          { key: 'off', segments: '*', percentage: 0 },
        ],
      },
    },
    { de: { conditions: '[{"attribute":"country","operator":"equals","value":"de"}]' } },
  );
  const engine = createEvaluator(df);
  assert.equal(engine.getVariable('f', 'color', { userId: '1', country: 'de' }), 'black');
  assert.deepEqual(engine.getVariable('f', 'config', { userId: '1', country: 'de' }), { a: 1 });
  assert.equal(engine.getVariable('f', 'color', { userId: '1', country: 'nl' }), 'grey');
  assert.deepEqual(engine.getVariable('f', 'config', { userId: '1', country: 'nl' }), { a: 1 });
  assert.equal(engine.getVariable('f', 'size', { userId: '1', country: 'nl' }), null);
  assert.equal(engine.getVariation('f', { country: 'nl' }), null);
  assert.deepEqual(engine.getAllVariables('f', { userId: '1', country: 'de' }), { color: 'black', config: { a: 1 }, size: 1 });
});

test('a schemaVersion "1" datafile evaluates like its v2 equivalent', () => {
  const v1: DatafileV1 = {
    schemaVersion: '1',
    revision: '1',
    attributes: [],
    segments: [{ key: 'de', conditions: '[{"attribute":"country","operator":"equals","value":"de"}]' }],
    features: [
      {
        key: 'f',
        bucketBy: 'userId',
        variablesSchema: [{ key: 'color', type: 'string', defaultValue: 'red' }],
        variations: [
          { value: 'control', weight: 50 },
          { value: 'treatment', weight: 50, variables: [{ key: 'color', value: 'blue', overrides: [{ segments: 'de', value: 'black' }] }] },
        ],
        traffic: [{ key: 'all', segments: '*', percentage: 100000, allocation: [{ variation: 'treatment', range: [0, 100000] }] }],
      },
    ],
  };
  const engine = createEvaluator(v1);
  assert.equal(engine.getVariation('f', { userId: 'x' }), 'treatment');
  assert.equal(engine.getVariable('f', 'color', { userId: 'x', country: 'de' }), 'black');
  assert.equal(engine.getVariable('f', 'color', { userId: 'x', country: 'nl' }), 'blue');
});

test('known SDK differences: Flagwright returns the documented values where SDK 2.0.0 does not', () => {
  assert.deepEqual(
    KNOWN_SDK_DIFFERENCES.map((d) => d.name),
    ['required-variables', 'forced-zero-percent-variables'],
  );
  const df = datafile({
    base: { bucketBy: 'userId', traffic: [{ key: 'all', segments: '*', percentage: 100000 }] },
    dep: {
      bucketBy: 'userId',
      required: ['base'],
      variablesSchema: { color: { type: 'string', defaultValue: 'red', disabledValue: 'grey' } },
      traffic: [{ key: 'all', segments: '*', percentage: 100000 }],
    },
    forcedOff: {
      bucketBy: 'userId',
      variablesSchema: { color: { type: 'string', defaultValue: 'red' } },
      force: [{ conditions: [{ attribute: 'userId', operator: 'equals', value: 'qa' }], enabled: true }],
      traffic: [{ key: 'all', segments: '*', percentage: 0 }],
    },
  });
  const sdk = createInstance({ datafile: structuredClone(df) as never, logLevel: 'fatal' });
  const engine = createEvaluator(df);
  const emulated = createEvaluator(df, { emulateSdkBugs: ['required-variables', 'forced-zero-percent-variables'] });
  const context = { userId: 'qa' };

  assert.equal(sdk.isEnabled('dep', context), true);
  assert.equal(sdk.getVariable('dep', 'color', context), 'grey', 'SDK bug: the disabled value of an enabled feature');
  assert.equal(engine.getVariable('dep', 'color', context), 'red');
  assert.equal(emulated.getVariable('dep', 'color', context), 'grey');

  assert.equal(sdk.isEnabled('forcedOff', context), true);
  assert.equal(sdk.getVariable('forcedOff', 'color', context), null, 'SDK bug: no value at all');
  assert.equal(engine.getVariable('forcedOff', 'color', context), 'red');
  assert.equal(emulated.getVariable('forcedOff', 'color', context), null);
  assert.throws(() => createEvaluator(df, { emulateSdkBugs: ['nope'] }), /unknown SDK bug/);
});

test('broken datafile parts end the evaluation as "error", like the SDK', () => {
  const df = datafile({
    badBucketBy: { bucketBy: 5 as never, traffic: [{ key: 'a', segments: '*', percentage: 100000 }] },
    badSegments: { bucketBy: 'userId', traffic: [{ key: 'a', segments: '[oops', percentage: 100000 }] },
    cycleA: { bucketBy: 'userId', required: ['cycleB'], traffic: [{ key: 'a', segments: '*', percentage: 100000 }] },
    cycleB: { bucketBy: 'userId', required: ['cycleA'], traffic: [{ key: 'a', segments: '*', percentage: 100000 }] },
  });
  const engine = createEvaluator(df);
  const sdk = createInstance({ datafile: structuredClone(df) as never, logLevel: 'fatal' });
  for (const key of ['badBucketBy', 'badSegments']) {
    assert.equal(engine.evaluateFlag(key, { userId: 'u' }).reason, 'error');
    assert.equal(sdk.evaluateFlag(key, { userId: 'u' }).reason, 'error');
  }
  assert.equal(engine.isEnabled('cycleA', { userId: 'u' }), false);
});
