import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  git,
  gitRaw
} from "./chunk-I6EUBOL5.js";
import {
  FlagwrightError
} from "./chunk-I5Q2OYPU.js";
import {
  ProviderError
} from "./chunk-5MYE6JNS.js";
import "./chunk-5WM6WAOP.js";

// providers/pages.ts
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
var IDENTITY = ["-c", "user.name=flagwright", "-c", "user.email=flagwright@users.noreply.github.com"];
var PUSH_ATTEMPTS = 5;
async function walk(root, dir, out) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.name === ".git") return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(root, path, out);
      if (!entry.isFile()) return;
      const bytes = await readFile(path);
      out.push({ key: relative(root, path).split(sep).join("/"), size: bytes.length, md5: createHash("md5").update(bytes).digest("hex") });
    })
  );
}
async function remoteUrl(options) {
  if (options.pagesRemote) return options.pagesRemote;
  if (options.env.FLAGWRIGHT_PAGES_REMOTE) return options.env.FLAGWRIGHT_PAGES_REMOTE;
  const result = await gitRaw(["remote", "get-url", "origin"], options.repoDir ?? process.cwd());
  if (result.code !== 0 || !result.stdout.trim()) {
    throw new FlagwrightError('pages:// target: no git remote "origin" to push to (run inside a checkout, or pass --pages-remote URL)', [], 2);
  }
  return result.stdout.trim();
}
var createPages = async (location, options) => {
  const branch = location.bucket;
  const url = await remoteUrl(options);
  const work = await mkdtemp(join(tmpdir(), "flagwright-pages-"));
  const heads = await gitRaw(["ls-remote", "--heads", url, branch], work);
  if (heads.code !== 0) {
    await rm(work, { recursive: true, force: true });
    throw new ProviderError(`cannot read ${branch} from the Pages remote: ${heads.stderr.trim()} (the token needs contents: write)`);
  }
  const exists = heads.stdout.trim() !== "";
  const dir = join(work, "site");
  if (exists) await git(["clone", "--quiet", "--branch", branch, "--single-branch", "--depth", "1", url, dir], work);
  else {
    await git(["init", "--quiet", `--initial-branch=${branch}`, dir], work);
    await git(["remote", "add", "origin", url], dir);
  }
  const root = location.prefix ? join(dir, ...location.prefix.split("/")) : dir;
  let ops = [];
  const applyPut = async (key, body) => {
    const path = join(root, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  };
  const applyDelete = (key) => rm(join(root, key), { force: true });
  const provider = {
    kind: "github pages",
    supportsHeaders: false,
    async list() {
      const out = [];
      await walk(root, root, out);
      return out;
    },
    async get(key) {
      const body = await readFile(join(root, key)).catch(() => void 0);
      return body ? { body } : void 0;
    },
    async put(key, body) {
      ops.push({ kind: "put", key, body });
      await applyPut(key, body);
    },
    async delete(keys) {
      for (const key of keys) {
        ops.push({ kind: "delete", key });
        await applyDelete(key);
      }
    },
    async flush(message) {
      await writeFile(join(dir, ".nojekyll"), "");
      await git(["add", "-A"], dir);
      if (await git(["status", "--porcelain"], dir) === "") return;
      await git([...IDENTITY, "commit", "--quiet", "-m", message], dir);
      for (let attempt = 1; ; attempt++) {
        const push = await gitRaw(["push", "--quiet", "origin", `HEAD:refs/heads/${branch}`], dir);
        if (push.code === 0) break;
        const rejected = /rejected|non-fast-forward|fetch first|failed to update ref|stale info/i.test(push.stderr);
        if (!rejected || attempt >= PUSH_ATTEMPTS) {
          throw new ProviderError(`git push to ${branch} failed: ${push.stderr.trim()}${rejected ? "" : " (the token needs contents: write)"}`, !rejected);
        }
        await git(["fetch", "--quiet", "--depth", "1", "origin", branch], dir);
        await git(["reset", "--quiet", "--hard", "FETCH_HEAD"], dir);
        for (const op of ops) await (op.kind === "put" ? applyPut(op.key, op.body) : applyDelete(op.key));
        await writeFile(join(dir, ".nojekyll"), "");
        await git(["add", "-A"], dir);
        if (await git(["status", "--porcelain"], dir) === "") break;
        await git([...IDENTITY, "commit", "--quiet", "-m", message], dir);
      }
      ops = [];
    },
    publicUrl() {
      return void 0;
    },
    async close() {
      await rm(work, { recursive: true, force: true });
    }
  };
  return provider;
};
var pages_default = createPages;
export {
  pages_default as default
};
