#!/usr/bin/env node
// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Cloud SDKs sit behind dynamic import() and land in their own chunks, so a PR check never loads them.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` bundles elsewhere (e.g. a private copy to measure while dist/ is being rebuilt).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > -1 ? resolve(process.argv[outdirFlag + 1]) : join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });

// @actions/core pulls an HTTP client (undici, ~540 KiB) for OIDC tokens and @actions/exec for platform
// details; Flagwright uses neither, so the bundle gets stand-ins that fail loudly if that ever changes.
const unusedToolkitParts = {
  name: 'unused-toolkit-parts',
  setup(build) {
    build.onResolve({ filter: /^@actions\/(http-client|exec)(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'unused' }));
    build.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      contents: `const unused = () => { throw new Error(${JSON.stringify(args.path + ' is not bundled in Flagwright')}); };
export class HttpClient { constructor() { unused(); } }
export class BearerCredentialHandler { constructor() { unused(); } }
export const exec = unused;
export const getExecOutput = unused;`,
      loader: 'js',
    }));
  },
};

// The AWS SDK clients ship one CommonJS file holding every command ("main") and tree-shakable ES modules
// ("module"). Bundling the ES modules drops what a deploy never calls (the S3 chunk shrinks by a third),
// which saves ~40 ms of loading per deploy. Only for these packages: other "module" builds may target browsers.
const awsSdkAsEsm = {
  name: 'aws-sdk-as-esm',
  setup(build) {
    build.onResolve({ filter: /^@(aws-sdk|smithy)\/[^/]+$/ }, (args) => {
      let manifest;
      try {
        manifest = createRequire(join(args.resolveDir, 'index.js')).resolve(`${args.path}/package.json`);
      } catch {
        return undefined;
      }
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      return pkg.module && !pkg.exports ? { path: join(dirname(manifest), pkg.module) } : undefined;
    });
  },
};

// An ES import of a Node built-in (static or import()) builds its namespace by reading every export, which
// runs the lazy getters behind them: `node:http` then loads undici for its WebSocket export, `node:crypto`
// webcrypto, `node:process` the report module… (~40 ms of a deploy). require() returns the object as is.
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z][a-z0-9_/]*$/ }, (args) =>
      isBuiltin(args.path) && args.kind !== 'require-call' ? { path: args.path, namespace: 'builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

await build({
  plugins: [unusedToolkitParts, awsSdkAsEsm, builtinsViaRequire],
  absWorkingDir: root,
  entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/bin.ts', 'command-worker': 'src/threads/command-worker.ts', 'read-worker': 'src/project/read-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  minifySyntax: true,
  minifyWhitespace: true,
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node built-ins; give ESM chunks a real one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __flagwrightCreateRequire } from 'node:module';\nconst require = __flagwrightCreateRequire(import.meta.url);",
  },
});
writeFileSync(join(outdir, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
chmodSync(join(outdir, 'cli.js'), 0o755);
