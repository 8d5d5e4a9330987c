// Regenerates the published schemas/*.json and the precompiled validators from schemas.ts:
//   node_modules/.bin/node src/lint/write-schemas.ts
// __tests__/lint-schemas.test.ts fails when either is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatorModuleSource } from './validator-code.ts';
import { buildSchemas, renderSchemaFile, schemaFileName, type SchemaName } from './schemas.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(buildSchemas()) as Array<[SchemaName, Record<string, unknown>]>) {
  writeFileSync(join(outDir, schemaFileName(name)), renderSchemaFile(schema));
}
writeFileSync(join(here, 'validators.generated.js'), validatorModuleSource());
