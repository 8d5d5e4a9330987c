// The "floor" for build/lint: read the project's YAML files and parse them, nothing else, in one
// process. `entities` = attributes, segments, features, groups (what a build reads); `all` adds tests
// (what lint reads). Prints {"files": n, "bytes": n}.
// Usage: node bench/lib/parse-floor.mjs <projectDir> yaml|js-yaml [entities|all]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, parserName, scope = 'all'] = process.argv.slice(2);
const parse = parserName === 'js-yaml' ? (await import('js-yaml')).default.load : (await import('yaml')).parse;
const folders = ['attributes', 'segments', 'features', 'groups', ...(scope === 'all' ? ['tests'] : [])];

let files = 0;
let bytes = 0;
for (const sub of folders) {
  const folder = join(dir, sub);
  if (!existsSync(folder)) continue;
  for (const entry of readdirSync(folder, { recursive: true })) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const text = readFileSync(join(folder, entry), 'utf8');
    parse(text);
    files++;
    bytes += Buffer.byteLength(text);
  }
}
process.stdout.write(JSON.stringify({ files, bytes }) + '\n');
