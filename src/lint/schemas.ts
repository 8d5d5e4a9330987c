// JSON Schemas (draft-07) for every Featurevisor file kind in both YAML dialects.
// They are the single source for the linter's structural checks and for the published
// files in schemas/*.json (editors validate YAML with them; a test keeps the two in sync).
// Environment keys, tag names and per-operator value rules depend on the project config or need
// the official messages, so the semantic checks own them; the operator rules below are editor hints
// whose errors the linter drops in favour of its own (see schema-check.ts).

export type SchemaName =
  | 'attribute'
  | 'segment'
  | 'feature.v1'
  | 'feature.v2'
  | 'group'
  | 'test.v1'
  | 'test.v2';

type Schema = Record<string, unknown>;

export const OPERATORS = [
  'equals', 'notEquals', 'exists', 'notExists',
  'greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals',
  'contains', 'notContains', 'startsWith', 'endsWith',
  'semverEquals', 'semverNotEquals', 'semverGreaterThan', 'semverGreaterThanOrEquals', 'semverLessThan', 'semverLessThanOrEquals',
  'before', 'after', 'includes', 'notIncludes', 'matches', 'notMatches', 'in', 'notIn',
] as const;

export const ATTRIBUTE_TYPES = ['boolean', 'string', 'integer', 'double', 'date', 'semver', 'object', 'array'] as const;
export const VARIABLE_TYPES = ['boolean', 'string', 'integer', 'double', 'array', 'object', 'json'] as const;

const str = (description?: string): Schema => (description ? { type: 'string', description } : { type: 'string' });
const bool = (description?: string): Schema => (description ? { type: 'boolean', description } : { type: 'boolean' });
const percentage: Schema = { type: 'number', minimum: 0, maximum: 100 };
const strict = (properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
  ...extra,
});

/** Editor hints: which value each operator takes. The linter reports these itself (official messages). */
function operatorValueRules(): Schema[] {
  const when = (operators: string[], then: Schema): Schema => ({
    if: { properties: { operator: { enum: operators } }, required: ['operator'] },
    then,
  });
  const value = (schema: Schema): Schema => ({ properties: { value: schema } });
  return [
    when(['equals', 'notEquals'], value({ type: ['string', 'number', 'boolean', 'null'] })),
    when(['greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals'], value({ type: 'number' })),
    when(
      ['contains', 'notContains', 'startsWith', 'endsWith', 'includes', 'notIncludes',
        'semverEquals', 'semverNotEquals', 'semverGreaterThan', 'semverGreaterThanOrEquals', 'semverLessThan', 'semverLessThanOrEquals'],
      value({ type: 'string' }),
    ),
    when(['before', 'after'], value({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}', description: 'An unquoted YAML timestamp, e.g. 2025-01-31T00:00:00Z' })),
    when(['in', 'notIn'], value({ type: 'array', items: { type: 'string' } })),
    when(['matches', 'notMatches'], { properties: { value: { type: 'string' }, regexFlags: { type: 'string', pattern: '^[gimsuy]+$' } } }),
    when(['exists', 'notExists'], { not: { required: ['value'] } }),
    { if: { properties: { operator: { not: { enum: ['matches', 'notMatches'] } } } }, then: { not: { required: ['regexFlags'] } } },
  ];
}

/** $defs shared by every schema; `document` publishes only the ones a schema reaches. */
function commonDefs(editorHints: boolean): Record<string, Schema> {
  return {
    plainCondition: strict(
      {
        attribute: str('Attribute key; `a.b` reaches into an object attribute'),
        operator: { enum: [...OPERATORS] },
        value: { description: 'Required except for exists/notExists; its type depends on the operator' },
        regexFlags: str('Only for matches/notMatches'),
      },
      ['attribute', 'operator'],
      editorHints ? { allOf: operatorValueRules() } : {},
    ),
    condition: {
      type: ['object', 'string'],
      if: { type: 'string' },
      then: { const: '*' },
      else: {
        if: { required: ['and'] },
        then: strict({ and: { type: 'array', items: { $ref: '#/$defs/condition' } } }, ['and']),
        else: {
          if: { required: ['or'] },
          then: strict({ or: { type: 'array', items: { $ref: '#/$defs/condition' } } }, ['or']),
          else: {
            if: { required: ['not'] },
            then: strict({ not: { type: 'array', items: { $ref: '#/$defs/condition' } } }, ['not']),
            else: { $ref: '#/$defs/plainCondition' },
          },
        },
      },
    },
    conditions: {
      description: '"*", one condition, or a list of conditions (all must match)',
      type: ['string', 'object', 'array'],
      items: { $ref: '#/$defs/condition' },
      if: { type: 'object' },
      then: { $ref: '#/$defs/condition' },
      else: { if: { type: 'string' }, then: { const: '*' } },
    },
    segmentExpression: {
      description: 'A segment key, "*", a list (all must match) or {and|or|not: [...]}',
      type: ['string', 'array', 'object'],
      items: { $ref: '#/$defs/segmentExpression' },
      properties: {
        and: { type: 'array', items: { $ref: '#/$defs/segmentExpression' } },
        or: { type: 'array', items: { $ref: '#/$defs/segmentExpression' } },
        not: { type: 'array', items: { $ref: '#/$defs/segmentExpression' } },
      },
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
    },
    bucketBy: {
      description: 'Attribute key, a list of keys (combined), or {or: [keys]} (first present)',
      type: ['string', 'array', 'object'],
      items: { type: 'string' },
      properties: { or: { type: 'array', items: { type: 'string' } } },
      required: ['or'],
      additionalProperties: false,
    },
    required: {
      type: 'array',
      items: {
        type: ['string', 'object'],
        properties: { key: str('Required feature key'), variation: str('Required variation value') },
        required: ['key'],
        additionalProperties: false,
      },
    },
    variableValue: { type: ['string', 'number', 'boolean', 'array', 'object'] },
    variableType: { enum: [...VARIABLE_TYPES] },
    tags: { type: 'array', items: { type: 'string' }, description: 'Tags from the config; each /^[a-z0-9-]+$/' },
    variableOverride: strict(
      { segments: { $ref: '#/$defs/segmentExpression' }, conditions: { $ref: '#/$defs/conditions' }, value: { $ref: '#/$defs/variableValue' } },
      ['value'],
      { anyOf: [{ required: ['segments'] }, { required: ['conditions'] }], errorMessage: 'An override needs `segments` or `conditions`' },
    ),
    variables: { type: 'object', additionalProperties: { $ref: '#/$defs/variableValue' } },
    force: strict(
      {
        segments: { $ref: '#/$defs/segmentExpression' },
        conditions: { $ref: '#/$defs/conditions' },
        enabled: bool(),
        variation: str(),
        variables: { $ref: '#/$defs/variables' },
      },
      [],
      { anyOf: [{ required: ['segments'] }, { required: ['conditions'] }], errorMessage: 'A force entry needs `segments` or `conditions`' },
    ),
    expose: { type: ['boolean', 'array'], items: { type: 'string' }, description: 'false hides the feature; a list of tags exposes it only in those' },
  };
}

function document(hints: boolean, title: string, root: Schema, defs: Record<string, Schema> = {}): Schema {
  const available: Record<string, Schema> = { ...commonDefs(hints), ...defs };
  // Publish only the $defs this document reaches, so each file stays small and readable.
  const used = new Set<string>();
  const pending: unknown[] = [root];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const name = key === '$ref' && typeof value === 'string' ? value.replace('#/$defs/', '') : undefined;
        if (name !== undefined && !used.has(name) && available[name]) {
          used.add(name);
          pending.push(available[name]);
        } else pending.push(value);
      }
    }
  }
  const $defs = Object.fromEntries(Object.keys(available).filter((name) => used.has(name)).map((name) => [name, available[name]]));
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, ...root, ...(used.size ? { $defs } : {}) };
}

function attributeSchema(hints: boolean): Schema {
  return document(
    hints,
    'Featurevisor attribute (attributes/*.yml)',
    strict(
      {
        description: str(),
        type: { enum: [...ATTRIBUTE_TYPES] },
        archived: bool(),
        capture: bool('v1: always include the attribute in datafiles'),
        properties: {
          type: 'object',
          propertyNames: { pattern: '^[a-zA-Z0-9_\\-/]+$' },
          additionalProperties: strict(
            { type: { enum: ATTRIBUTE_TYPES.filter((t) => t !== 'object') }, description: str() },
            ['type'],
          ),
        },
      },
      ['description', 'type'],
    ),
  );
}

function segmentSchema(hints: boolean): Schema {
  return document(
    hints,
    'Featurevisor segment (segments/*.yml)',
    strict({ description: str(), archived: bool(), conditions: { $ref: '#/$defs/conditions' } }, ['description', 'conditions']),
  );
}

function ruleSchema(dialect: 'v1' | 'v2'): Schema {
  return strict(
    {
      key: str('Unique within the environment'),
      description: str(),
      segments: { $ref: '#/$defs/segmentExpression' },
      percentage: { ...percentage, description: 'Share of matching users (0..100)' },
      enabled: bool('Flagwright honours it; the official builder drops it'),
      variation: str('Serve this variation instead of bucketing'),
      variables: { $ref: '#/$defs/variables' },
      ...(dialect === 'v2'
        ? { variationWeights: { type: 'object', additionalProperties: percentage, description: 'Per-rule weights; must cover every variation and sum to 100' } }
        : {}),
    },
    ['key', 'segments', 'percentage'],
  );
}

function featureV1Schema(hints: boolean): Schema {
  const environment = strict({
    expose: { $ref: '#/$defs/expose' },
    rules: { type: 'array', items: { $ref: '#/$defs/rule' } },
    force: { type: 'array', items: { $ref: '#/$defs/force' } },
  }, ['rules']);
  return document(
    hints,
    'Featurevisor feature, v1 dialect (features/*.yml with `environments:`)',
    strict(
      {
        description: str(),
        tags: { $ref: '#/$defs/tags' },
        archived: bool(),
        deprecated: bool(),
        bucketBy: { $ref: '#/$defs/bucketBy' },
        required: { $ref: '#/$defs/required' },
        variablesSchema: {
          type: 'array',
          items: strict(
            { key: str(), type: { $ref: '#/$defs/variableType' }, defaultValue: { $ref: '#/$defs/variableValue' }, description: str() },
            ['key', 'type', 'defaultValue'],
          ),
        },
        variations: {
          type: 'array',
          items: strict(
            {
              value: { type: 'string', minLength: 1 },
              description: str(),
              weight: percentage,
              variables: {
                type: 'array',
                items: strict(
                  {
                    key: str(),
                    value: { $ref: '#/$defs/variableValue' },
                    description: str(),
                    overrides: { type: 'array', items: { $ref: '#/$defs/variableOverride' } },
                  },
                  ['key', 'value'],
                ),
              },
            },
            ['value'],
          ),
        },
        environments: { type: 'object', additionalProperties: environment },
      },
      ['description', 'tags', 'bucketBy', 'environments'],
    ),
    { rule: ruleSchema('v1') },
  );
}

function featureV2Schema(hints: boolean): Schema {
  const perEnvironment = (item: Schema, nonEmpty: boolean): Schema => ({
    description: 'Keyed by environment; a plain list when the config sets `environments: false`',
    type: ['object', 'array'],
    additionalProperties: { type: 'array', items: item, ...(nonEmpty ? { minItems: 1 } : {}) },
    items: item,
    ...(nonEmpty ? { minItems: 1 } : {}),
  });
  return document(
    hints,
    'Featurevisor feature, v2 dialect (features/**/*.yml with top-level `rules:`)',
    strict(
      {
        description: str(),
        tags: { $ref: '#/$defs/tags' },
        archived: bool(),
        deprecated: bool(),
        bucketBy: { $ref: '#/$defs/bucketBy' },
        required: { $ref: '#/$defs/required' },
        disabledVariationValue: str('Variation served while the feature is disabled'),
        variablesSchema: {
          type: 'object',
          additionalProperties: strict(
            {
              type: { $ref: '#/$defs/variableType' },
              defaultValue: { $ref: '#/$defs/variableValue' },
              description: str(),
              deprecated: bool(),
              useDefaultWhenDisabled: bool(),
              disabledValue: { $ref: '#/$defs/variableValue' },
            },
            ['type', 'defaultValue'],
          ),
        },
        variations: {
          type: 'array',
          items: strict(
            {
              value: { type: 'string', minLength: 1 },
              description: str(),
              weight: percentage,
              variables: { $ref: '#/$defs/variables' },
              variableOverrides: {
                type: 'object',
                additionalProperties: { type: 'array', items: { $ref: '#/$defs/variableOverride' } },
              },
            },
            ['value'],
          ),
        },
        rules: perEnvironment({ $ref: '#/$defs/rule' }, true),
        force: perEnvironment({ $ref: '#/$defs/force' }, false),
        expose: {
          description: 'Keyed by environment; a single value when the config sets `environments: false`',
          type: ['object', 'boolean', 'array'],
          items: { type: 'string' },
          additionalProperties: { $ref: '#/$defs/expose' },
        },
      },
      ['description', 'tags', 'bucketBy', 'rules'],
    ),
    { rule: ruleSchema('v2') },
  );
}

function groupSchema(hints: boolean): Schema {
  return document(
    hints,
    'Featurevisor group (groups/*.yml): mutually exclusive slots',
    strict(
      {
        description: str(),
        slots: {
          type: 'array',
          items: strict(
            {
              feature: {
                type: 'string',
                errorMessage: 'Expected a feature key; omit `feature` to leave a slot empty (`feature: false` is rejected by the official linter)',
              },
              percentage,
            },
            ['percentage'],
          ),
        },
      },
      ['description', 'slots'],
    ),
  );
}

function testSchema(hints: boolean, dialect: 'v1' | 'v2'): Schema {
  const matrix = { type: 'object', additionalProperties: { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] } } };
  const context = { type: 'object' };
  const at = { type: ['number', 'string'], minimum: 0, maximum: 100, description: 'Bucket position 0..100, or a "${{ matrixKey }}" string' };
  const featureAssertionV1 = strict(
    {
      matrix, description: str(), at, environment: str(), context,
      expectedToBeEnabled: bool(),
      expectedVariation: { type: ['string', 'null'] },
      expectedVariables: { type: 'object' },
    },
    ['at', 'environment', 'context', 'expectedToBeEnabled'],
  );
  const sticky = {
    type: 'object',
    additionalProperties: strict({ enabled: bool(), variation: str(), variables: { type: 'object' } }),
  };
  const checks = {
    context,
    sticky,
    defaultVariationValue: str(),
    defaultVariableValues: { type: 'object' },
    expectedToBeEnabled: bool(),
    expectedVariation: { type: ['string', 'null'] },
    expectedVariables: { type: 'object' },
    expectedEvaluations: strict({
      flag: { type: 'object' },
      variation: { type: 'object' },
      variables: { type: 'object', additionalProperties: { type: 'object' } },
    }),
  };
  const featureAssertionV2 = strict({
    matrix,
    description: str(),
    environment: str(),
    at,
    ...checks,
    children: { type: 'array', items: strict({ description: str(), ...checks }) },
  });
  const segmentAssertion = strict({ matrix, description: str(), context, expectedToMatch: bool() }, ['context', 'expectedToMatch']);
  return document(
    hints,
    `Featurevisor test spec, ${dialect} dialect (tests/**/*.spec.yml): a feature spec or a segment spec`,
    {
      type: 'object',
      if: { required: ['segment'] },
      then: strict({ segment: str(), assertions: { type: 'array', items: segmentAssertion } }, ['segment', 'assertions']),
      else: strict(
        { feature: str(), assertions: { type: 'array', items: dialect === 'v1' ? featureAssertionV1 : featureAssertionV2 } },
        ['feature', 'assertions'],
      ),
    },
  );
}

/**
 * Builds every schema (fresh objects each call). `editorHints: false` leaves out the per-operator value
 * rules: the linter checks those itself with the official messages, so validating them twice is waste.
 */
export function buildSchemas(options: { editorHints?: boolean } = {}): Record<SchemaName, Schema> {
  const hints = options.editorHints ?? true;
  return {
    attribute: attributeSchema(hints),
    segment: segmentSchema(hints),
    'feature.v1': featureV1Schema(hints),
    'feature.v2': featureV2Schema(hints),
    group: groupSchema(hints),
    'test.v1': testSchema(hints, 'v1'),
    'test.v2': testSchema(hints, 'v2'),
  };
}

/** The file a schema is published as under schemas/. */
export function schemaFileName(name: SchemaName): string {
  return `${name}.schema.json`;
}

/** The published text: stable key order, two-space indent, trailing newline. */
export function renderSchemaFile(schema: Schema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
