// The published JSON Schemas (schemas/*.json): in sync with the linter, valid draft-07, and usable
// on their own the way an editor uses them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { buildSchemas, renderSchemaFile, schemaFileName, type SchemaName } from '../src/lint/schemas.ts';
import { createLintAjv, VALIDATOR_EXPORTS, validatorModuleSource } from '../src/lint/validator-code.ts';
import * as precompiled from '../src/lint/validators.generated.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaDir = join(root, 'schemas');

test('schemas/*.json are exactly what the linter uses (regenerate: node src/lint/write-schemas.ts)', () => {
  const built = buildSchemas();
  const names = Object.keys(built) as SchemaName[];
  assert.deepEqual(readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort(), names.map(schemaFileName).sort());
  for (const name of names) {
    assert.equal(readFileSync(join(schemaDir, schemaFileName(name)), 'utf8'), renderSchemaFile(built[name]), `${name} is stale`);
  }
});

function editorValidator(file: string) {
  // An editor knows nothing about our annotation keyword; strict mode off mirrors that.
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
}

const yaml = (path: string) => load(readFileSync(join(root, path), 'utf8'));

test('published schemas accept valid files of both dialects', () => {
  const cases: Array<[string, string[]]> = [
    ['attribute.schema.json', ['examples/seed-project/attributes/country.yml', '__tests__/fixtures/lint/conditions/attributes/user.yml']],
    ['segment.schema.json', ['examples/seed-project/segments/premium_mobile_eu.yml', '__tests__/fixtures/lint/conditions/segments/everyone.yml']],
    ['feature.v1.schema.json', ['examples/seed-project/features/new_checkout.yml', '__tests__/fixtures/lint/v1/features/clean_v1.yml']],
    ['feature.v2.schema.json', ['__tests__/fixtures/lint/features/features/clean.yml']],
  ];
  for (const [file, docs] of cases) {
    const validate = editorValidator(file);
    for (const doc of docs) assert.ok(validate(yaml(doc)), `${doc}: ${JSON.stringify(validate.errors)}`);
  }
});

test('published schemas reject unknown keys, bad operators and out-of-range numbers', () => {
  const feature = editorValidator('feature.v2.schema.json');
  const base = { description: 'd', tags: ['all'], bucketBy: 'userId', rules: { production: [{ key: 'a', segments: '*', percentage: 50 }] } };
  assert.ok(feature(base));
  assert.equal(feature({ ...base, colour: 'red' }), false);
  assert.equal(feature({ ...base, rules: { production: [{ key: 'a', segments: '*', percentage: 101 }] } }), false);
  assert.equal(feature({ ...base, rules: { production: [] } }), false);

  const segment = editorValidator('segment.schema.json');
  assert.ok(segment({ description: 'd', conditions: { not: [{ or: [{ attribute: 'a', operator: 'in', value: ['x'] }] }] } }));
  assert.equal(segment({ description: 'd', conditions: [{ attribute: 'a', operator: 'bogus', value: 1 }] }), false);
  // Per-operator value rules help editors too.
  assert.equal(segment({ description: 'd', conditions: [{ attribute: 'a', operator: 'greaterThan', value: 'x' }] }), false);
  assert.equal(segment({ description: 'd', conditions: [{ attribute: 'a', operator: 'exists', value: 1 }] }), false);

  const spec = editorValidator('test.v2.schema.json');
  assert.ok(spec({ segment: 's', assertions: [{ context: {}, expectedToMatch: true }] }));
  assert.ok(spec({ feature: 'f', assertions: [{ at: 10, environment: 'production', expectedToBeEnabled: true }] }));
  assert.equal(spec({ feature: 'f', assertions: [{ at: 120 }] }), false);
});

test('src/lint/validators.generated.js is what schemas.ts compiles to (regenerate: node src/lint/write-schemas.ts)', () => {
  assert.equal(readFileSync(join(root, 'src/lint/validators.generated.js'), 'utf8'), validatorModuleSource(), 'validators.generated.js is stale');
});

/** Every YAML document under a folder, recursively. */
function yamlDocs(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('precompiled validators answer exactly as validators compiled at run time', () => {
  const ajv = createLintAjv();
  const schemas = buildSchemas({ editorHints: false });
  const docs = [...yamlDocs('__tests__/fixtures/lint'), ...yamlDocs('examples/seed-project')].flatMap((file) => {
    try {
      return [load(readFileSync(file, 'utf8'))];
    } catch {
      return []; // bad-input fixtures that are not YAML
    }
  });
  assert.ok(docs.length > 50);
  for (const name of Object.keys(schemas) as SchemaName[]) {
    const compiled = ajv.compile(schemas[name]);
    const validate = (precompiled as Record<string, (data: unknown) => boolean>)[VALIDATOR_EXPORTS[name]] as ((data: unknown) => boolean) & { errors?: unknown };
    for (const doc of docs) {
      assert.equal(validate(doc), compiled(doc), name);
      // Same errors, down to the schema objects they point at (messages come from parentSchema).
      assert.deepEqual(validate.errors ?? null, compiled.errors ?? null, name);
    }
  }
});
