// The "floor" for build/lint: read the project's YAML files and parse them, nothing else, in one
// process. `entities` = attributes, segments, features, groups (what a build reads); `all` adds tests
// (what lint reads). Prints {"files": n, "bytes": n}.
// Usage: node bench/lib/parse-floor.mjs <projectDir> yaml|js-yaml|flagwright [entities|all]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, parserName, scope = 'all'] = process.argv.slice(2);
async function parserFor(name) {
  if (name === 'js-yaml') return (await import('js-yaml')).default.load;
  if (name === 'yaml') return (await import('yaml')).parse;
  // Flagwright's own parse of a read file: its block-YAML parser, js-yaml where it steps aside (shown for reference, not a goal's floor).
  const { parseRead } = await import('../../src/project/parse.ts');
  return (text, path) => parseRead(text, path, path);
}
const parse = await parserFor(parserName);
const folders = ['attributes', 'segments', 'features', 'groups', ...(scope === 'all' ? ['tests'] : [])];

let files = 0;
let bytes = 0;
for (const sub of folders) {
  const folder = join(dir, sub);
  if (!existsSync(folder)) continue;
  for (const entry of readdirSync(folder, { recursive: true })) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const text = readFileSync(join(folder, entry), 'utf8');
    parse(text, join(folder, entry));
    files++;
    bytes += Buffer.byteLength(text);
  }
}
process.stdout.write(JSON.stringify({ files, bytes }) + '\n');
