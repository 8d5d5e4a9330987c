// End to end: dist/index.js run exactly as the runner runs it — a Node 24 child process with INPUT_* variables,
// an event payload file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files — against a temp git repository holding the
// example project, the loopback fake of the GitHub API and s3rver as the deploy target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';

const root = join(import.meta.dirname, '..');
const node = process.execPath;
const fixtures = join(import.meta.dirname, 'fixtures', 'action');
const TOKEN = 'ghs_e2e_token';
const BUCKET = 'flags-bucket';

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rverInstance;

let temp: string;
let repo: string;
const sha: Record<string, string> = {};

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } }).trim();
}

/** Changes the production rollout of dark_mode (a v1-dialect feature of the example project); its specs (at 8 on, at 50 off) keep passing below 50%. */
function setDarkModeRollout(from: number, to: number): void {
  const file = join(repo, 'flags', 'features', 'dark_mode.yml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(`key: "general"\n        segments: "*"\n        percentage: ${from}`, `key: "general"\n        segments: "*"\n        percentage: ${to}`);
  assert.notEqual(next, text, 'the example project changed shape: dark_mode production rule "general" not found');
  writeFileSync(file, next);
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function bundleIsStale(): boolean {
  const bundle = join(root, 'dist', 'index.js');
  if (!existsSync(bundle)) return true;
  const sources = ['src', 'providers', 'package.json', join('scripts', 'bundle.mjs')].map((p) => join(root, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(bundle).mtimeMs;
}

before(async () => {
  // The test must exercise the bundle of the current source: rebuild (about a second) when dist/ is missing or
  // older than any source file. Not unconditionally: other suites may be running dist/cli.js meanwhile.
  if (bundleIsStale()) execFileSync(node, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  temp = mkdtempSync(join(tmpdir(), 'fw-action-e2e-'));
  repo = join(temp, 'repo');
  mkdirSync(repo);
  cpSync(join(root, 'examples', 'seed-project'), join(repo, 'flags'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  git('config', 'commit.gpgsign', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  sha.base = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'rollout');
  setDarkModeRollout(10, 20);
  git('commit', '-q', '-am', 'dark_mode: 20% in production');
  sha.head1 = git('rev-parse', 'HEAD');
  setDarkModeRollout(20, 30);
  git('commit', '-q', '-am', 'dark_mode: 30% in production');
  sha.head2 = git('rev-parse', 'HEAD');
  // A pull request that breaks the project: a rule points at a segment that does not exist.
  git('checkout', '-q', '-b', 'broken', sha.base!);
  const file = join(repo, 'flags', 'features', 'dark_mode.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('segments: beta_users', 'segments: beta_userz'));
  git('commit', '-q', '-am', 'typo in a segment key');
  sha.broken = git('rev-parse', 'HEAD');
});

after(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** GITHUB_OUTPUT uses heredoc blocks: name<<DELIMITER\nvalue\nDELIMITER */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      outputs[m[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [name, ...rest] = lines[i]!.split('=');
      outputs[name!] = rest.join('=');
    }
  }
  return outputs;
}

function payload(fixture: string, patch: (event: any) => void): any {
  const event = JSON.parse(readFileSync(join(fixtures, fixture), 'utf8'));
  patch(event);
  return event;
}

async function runAction(options: { event: string; payload: unknown; inputs: Record<string, string>; env?: NodeJS.ProcessEnv; checkout: string }): Promise<ActionRun> {
  // Each job starts from a fresh checkout: drop what earlier runs wrote (datafiles/).
  git('clean', '-fdxq');
  git('checkout', '-q', '--detach', options.checkout);
  const runDir = mkdtempSync(join(temp, 'run-'));
  const eventPath = join(runDir, 'event.json');
  const outputPath = join(runDir, 'output');
  const summaryPath = join(runDir, 'summary.md');
  const runnerTemp = join(runDir, 'runner-temp');
  mkdirSync(runnerTemp);
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/flags',
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SHA: git('rev-parse', 'HEAD'),
    GITHUB_REF: options.event === 'push' || options.event === 'workflow_dispatch' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  // The runner passes every input, keeping hyphens in the variable name.
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(node, [join(root, 'dist', 'index.js')], { cwd: repo, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') };
}

function explain(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

const prInputs = { 'project-path': 'flags', 'github-token': TOKEN, comment: 'update' };

test('pull_request opened → one sticky comment, summary and outputs; synchronize → the same comment updated', async () => {
  const github: FakeGitHub = await startFakeGitHub({ token: TOKEN });
  try {
    const opened = await runAction({
      event: 'pull_request',
      checkout: sha.head1!,
      payload: payload('pull_request.opened.json', (e) => {
        e.pull_request.base.sha = sha.base;
        e.pull_request.head.sha = sha.head1;
      }),
      inputs: prInputs,
      env: { GITHUB_API_URL: github.url },
    });
    assert.equal(opened.code, 0, explain(opened));
    const comments = github.comments('acme', 'flags', 7);
    assert.equal(comments.length, 1, explain(opened));
    // The fake keeps live objects: snapshot what the first run posted.
    const first = structuredClone(comments[0]!);
    assert.ok(first.body.startsWith('<!-- flagwright:comment -->'), first.body.slice(0, 200));
    assert.match(first.body, /dark_mode/);
    assert.match(first.body, /10% → 20%/);
    assert.match(first.body, /production/);
    assert.equal(opened.outputs['has-changes'], 'true');
    assert.deepEqual(JSON.parse(opened.outputs['changed-features']!), ['dark_mode']);
    assert.equal(opened.outputs['comment-url'], first.html_url);
    assert.ok(opened.outputs.revision, 'revision output');
    assert.ok(existsSync(opened.outputs['body-file']!), 'body-file exists');
    assert.equal(readFileSync(opened.outputs['body-file']!, 'utf8'), first.body);
    assert.match(opened.summary, /Flagwright · check/);
    assert.match(opened.summary, /dark_mode/);
    // The runner swallows the ::add-mask:: command itself and masks the value everywhere else.
    assert.match(opened.stdout, new RegExp(`^::add-mask::${TOKEN}$`, 'm'));
    const logged = opened.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    assert.ok(!logged.some((line) => line.includes(TOKEN)), 'the token is never logged');

    const pushed = await runAction({
      event: 'pull_request',
      checkout: sha.head2!,
      payload: payload('pull_request.synchronize.json', (e) => {
        e.pull_request.base.sha = sha.base;
        e.pull_request.head.sha = sha.head2;
      }),
      inputs: prInputs,
      env: { GITHUB_API_URL: github.url },
    });
    assert.equal(pushed.code, 0, explain(pushed));
    const after = github.comments('acme', 'flags', 7);
    assert.equal(after.length, 1, 'still one comment');
    assert.equal(after[0]!.id, first.id, 'the same comment');
    assert.notEqual(after[0]!.body, first.body, 'with the new diff');
    assert.match(after[0]!.body, /10% → 30%/);
    assert.ok(github.requests.some((r) => r.method === 'PATCH' && r.path.includes(`/comments/${first.id}`)), 'edited in place');
    assert.equal(github.requests.filter((r) => r.method === 'POST').length, 1, 'created once');
  } finally {
    await github.close();
  }
});

test('fork pull request: the read-only token gets 403, the job still passes, the body is rendered and the summary says how to post it', async () => {
  const github = await startFakeGitHub({ token: TOKEN, readOnly: true });
  try {
    const run = await runAction({
      event: 'pull_request',
      checkout: sha.head1!,
      payload: payload('pull_request.fork.json', (e) => {
        e.pull_request.base.sha = sha.base;
        e.pull_request.head.sha = sha.head1;
      }),
      inputs: prInputs,
      env: { GITHUB_API_URL: github.url },
    });
    assert.equal(run.code, 0, explain(run));
    assert.equal(github.comments('acme', 'flags', 8).length, 0);
    assert.ok(github.requests.some((r) => r.method === 'POST'), 'it did try to post');
    const bodyFile = run.outputs['body-file']!;
    assert.ok(bodyFile && existsSync(bodyFile), 'body-file output points at the rendered comment');
    assert.match(bodyFile, /flagwright-comment\.md$/);
    assert.ok(readFileSync(bodyFile, 'utf8').startsWith('<!-- flagwright:comment -->'));
    assert.match(run.summary, /not posted/);
    assert.match(run.summary, /workflow_run/);
    assert.match(run.summary, /flagwright comment --repo acme\/flags --pr 8 --body-file/);
    assert.match(run.stdout, /::warning::.*not posted/);
  } finally {
    await github.close();
  }
});

test('push to main deploys to S3 (s3rver); workflow_dispatch rollback makes the earlier revision live again', async () => {
  const data = join(temp, 's3');
  mkdirSync(data);
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: data, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const s3env = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };
  const deployInputs = { 'project-path': 'flags', target: `s3://${BUCKET}/datafiles`, endpoint, 'github-token': TOKEN };
  // s3rver accepts unsigned GETs: read objects back with their headers as a CDN would.
  const get = async (key: string) => {
    const response = await fetch(`${endpoint}/${BUCKET}/datafiles/${key}`);
    return { status: response.status, cacheControl: response.headers.get('cache-control'), contentType: response.headers.get('content-type'), text: await response.text() };
  };
  try {
    // A dry run first: the plan is reported, nothing is written.
    git('checkout', '-q', 'main');
    const dry = await runAction({
      event: 'push',
      checkout: 'main',
      payload: payload('push.main.json', (e) => {
        e.after = sha.base;
      }),
      inputs: { ...deployInputs, 'dry-run': 'true' },
      env: s3env,
    });
    assert.equal(dry.code, 0, explain(dry));
    assert.match(dry.summary, /Deploy plan \(dry run\)/);
    assert.equal((await get('manifest.json')).status, 404, 'a dry run writes nothing');

    // First deploy: main at the base commit.
    const first = await runAction({
      event: 'push',
      checkout: 'main',
      payload: payload('push.main.json', (e) => {
        e.before = '0000000000000000000000000000000000000000';
        e.after = sha.base;
      }),
      inputs: deployInputs,
      env: s3env,
    });
    assert.equal(first.code, 0, explain(first));
    const rev1 = first.outputs.revision!;
    assert.ok(rev1, 'revision output');
    assert.ok(first.outputs['manifest-url'], 'manifest-url output');
    assert.match(first.outputs['manifest-url']!, /manifest\.json$/);
    assert.ok(Number(first.outputs.uploaded) > 0, 'uploaded output');

    const manifest = await get('manifest.json');
    assert.equal(manifest.status, 200);
    const parsed = JSON.parse(manifest.text);
    assert.equal(parsed.revision, rev1);
    const production = parsed.files.find((f: { path: string }) => f.path === 'production/featurevisor-tag-all.json');
    assert.ok(production, 'manifest lists production/featurevisor-tag-all.json');
    const latest = await get(production.path);
    const immutable = await get(production.immutablePath);
    assert.equal(latest.status, 200);
    assert.equal(immutable.status, 200);
    assert.equal(latest.cacheControl, 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
    assert.equal(immutable.cacheControl, 'public, max-age=31536000, immutable');
    assert.match(latest.contentType ?? '', /^application\/json/);
    assert.equal(latest.text, immutable.text);
    assert.equal(JSON.parse(latest.text).schemaVersion, '2');
    assert.equal(manifest.cacheControl, 'no-cache');
    assert.equal(first.outputs['manifest-url'], `${endpoint}/${BUCKET}/datafiles/manifest.json`);
    const urls: Record<string, string> = JSON.parse(first.outputs['datafile-urls']!);
    assert.deepEqual(Object.keys(urls).sort(), parsed.files.map((f: { path: string }) => f.path).sort(), 'a URL for every latest datafile');
    assert.equal(await (await fetch(urls['production/featurevisor-tag-all.json']!)).text(), latest.text, 'the URL serves the datafile');
    assert.match(first.summary, /Deployed/);

    // Second deploy: the rollout branch merged into main.
    git('checkout', '-q', 'main');
    git('merge', '-q', '--ff-only', 'rollout');
    const second = await runAction({
      event: 'push',
      checkout: 'main',
      payload: payload('push.main.json', (e) => {
        e.before = sha.base;
        e.after = sha.head2;
      }),
      inputs: deployInputs,
      env: s3env,
    });
    assert.equal(second.code, 0, explain(second));
    const rev2 = second.outputs.revision!;
    assert.notEqual(rev2, rev1);
    assert.equal(JSON.parse((await get('manifest.json')).text).revision, rev2);
    assert.notEqual((await get(production.path)).text, latest.text, 'the new rollout is live');

    // Roll back to the first revision from a manual run.
    const rolled = await runAction({
      event: 'workflow_dispatch',
      checkout: 'main',
      payload: payload('workflow_dispatch.json', (e) => {
        e.inputs['rollback-to'] = rev1;
      }),
      inputs: { ...deployInputs, 'rollback-to': rev1 },
      env: s3env,
    });
    assert.equal(rolled.code, 0, explain(rolled));
    assert.equal(rolled.outputs.revision, rev1);
    assert.equal(JSON.parse((await get('manifest.json')).text).revision, rev1);
    assert.equal((await get(production.path)).text, latest.text, 'the first revision is live again');
    assert.match(rolled.summary, /\| Rollback \| ✅ passed \|/);

    // A revision that is not kept fails the step, names the kept ones, and still writes the summary.
    const missing = await runAction({
      event: 'workflow_dispatch',
      checkout: 'main',
      payload: payload('workflow_dispatch.json', (e) => {
        e.inputs['rollback-to'] = 'no-such-rev';
      }),
      inputs: { ...deployInputs, 'rollback-to': 'no-such-rev' },
      env: s3env,
    });
    assert.equal(missing.code, 1, explain(missing));
    assert.match(missing.stdout, new RegExp(`^::error::flagwright: rollback failed: .*"no-such-rev" is not on the target \\(available: [^)]*${rev1}`, 'm'));
    assert.match(missing.summary, /\| Rollback \| ❌ failed \|/);
    assert.equal(JSON.parse((await get('manifest.json')).text).revision, rev1, 'nothing changed');
  } finally {
    await server.close();
  }
});

test('push to main with a folder target: the first deploy finds nothing live, a redeploy of the same commit uploads nothing', async () => {
  const site = join(temp, 'site');
  const deploy = () =>
    runAction({
      event: 'push',
      checkout: sha.base!,
      payload: payload('push.main.json', (e) => {
        e.after = sha.base;
      }),
      inputs: { 'project-path': 'flags', target: `file://${site}` },
    });
  const first = await deploy();
  assert.equal(first.code, 0, explain(first));
  assert.ok(Number(first.outputs.uploaded) > 0);
  assert.ok(existsSync(join(site, 'manifest.json')));
  const again = await deploy();
  assert.equal(again.code, 0, explain(again));
  assert.equal(again.outputs.uploaded, '0', 'same commit, same bytes: nothing to upload');
  assert.equal(again.outputs.revision, first.outputs.revision);
  assert.match(again.stdout, /is the previous allocation/);
});

test('a pull request that breaks the project: annotations at file:line, the ❌ comment is still posted, the step fails', async () => {
  const github = await startFakeGitHub({ token: TOKEN });
  try {
    const run = await runAction({
      event: 'pull_request',
      checkout: sha.broken!,
      payload: payload('pull_request.opened.json', (e) => {
        e.number = e.pull_request.number = 9;
        e.pull_request.base.sha = sha.base;
        e.pull_request.head.sha = sha.broken;
      }),
      inputs: prInputs,
      env: { GITHUB_API_URL: github.url },
    });
    assert.equal(run.code, 1, explain(run));
    const line = readFileSync(join(repo, 'flags', 'features', 'dark_mode.yml'), 'utf8').split('\n').findIndex((l) => l.includes('beta_userz')) + 1;
    // Repository-relative file and the line of the bad reference, as the runner needs for "Files changed".
    assert.match(run.stdout, new RegExp(`^::error title=Flagwright lint \\([\\w-]+\\),file=flags/features/dark_mode\\.yml,line=${line},col=\\d+::.*beta_userz`, 'm'));
    assert.match(run.stdout, /^::error::flagwright: lint found 1 error/m);
    const [comment] = github.comments('acme', 'flags', 9);
    assert.ok(comment, 'the comment is posted even though the check fails');
    assert.match(comment.body, /❌/);
    assert.match(run.summary, /\| Lint \| ❌ failed \|/);
    assert.match(run.summary, /\| Build \| ⏭️ skipped \| the project has lint errors \|/);
    assert.match(run.summary, /flags\/features\/dark_mode\.yml:\d+:\d+ error/);
  } finally {
    await github.close();
  }
});

test('bad input fails the step with a message naming the input', async () => {
  const run = await runAction({
    event: 'pull_request',
    checkout: sha.head1!,
    payload: payload('pull_request.opened.json', () => {}),
    inputs: { ...prInputs, retention: 'abc' },
  });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /::error::flagwright: Input "retention" must be a whole number ≥ 1, got "abc"/);
});
