// The "floor" for build/lint: read every YAML file of a project and parse it, nothing else, in
// one process. Usage: node bench/lib/parse-floor.mjs <projectDir> yaml|js-yaml
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, parserName] = process.argv.slice(2);
const parse = parserName === 'js-yaml' ? (await import('js-yaml')).default.load : (await import('yaml')).parse;

let files = 0;
let bytes = 0;
for (const sub of ['attributes', 'segments', 'features', 'groups', 'tests']) {
  const folder = join(dir, sub);
  if (!existsSync(folder)) continue;
  for (const entry of readdirSync(folder, { recursive: true })) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const text = readFileSync(join(folder, entry), 'utf8');
    parse(text);
    files++;
    bytes += text.length;
  }
}
process.stdout.write(JSON.stringify({ files, bytes }) + '\n');
