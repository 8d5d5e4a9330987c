// Regenerates the published schemas/*.json from schemas.ts:
//   node_modules/.bin/node src/lint/write-schemas.ts
// __tests__/lint-schemas.test.ts fails when the published files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemas, renderSchemaFile, schemaFileName, type SchemaName } from './schemas.ts';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(buildSchemas()) as Array<[SchemaName, Record<string, unknown>]>) {
  writeFileSync(join(outDir, schemaFileName(name)), renderSchemaFile(schema));
}
