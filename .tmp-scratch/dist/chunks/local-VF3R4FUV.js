import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import "./chunk-5WM6WAOP.js";

// providers/local.ts
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { createHash } from "node:crypto";
async function walk(root, dir, out) {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(root, path, out);
      if (!entry.isFile() || entry.name.includes(".flagwright-tmp-")) return;
      const bytes = await readFile(path);
      out.push({ key: relative(root, path).split(sep).join("/"), size: bytes.length, md5: createHash("md5").update(bytes).digest("hex") });
    })
  );
}
var createLocal = async (location) => {
  const root = location.dir;
  const info = await stat(root).catch(() => void 0);
  if (info && !info.isDirectory()) throw new Error(`${location.uri}: ${root} exists and is not a directory`);
  let counter = 0;
  const provider = {
    kind: "local folder",
    supportsHeaders: false,
    async list() {
      const out = [];
      await walk(root, root, out);
      return out;
    },
    async get(key) {
      const body = await readFile(join(root, key)).catch((error) => {
        if (error.code === "ENOENT") return void 0;
        throw error;
      });
      return body ? { body } : void 0;
    },
    async put(key, body) {
      const path = join(root, key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.flagwright-tmp-${process.pid}-${counter++}`;
      await writeFile(temp, body);
      await rename(temp, path);
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(join(root, key), { force: true })));
      await Promise.all(keys.map((key) => rmEmpty(root, dirname(join(root, key)))));
    },
    publicUrl(key) {
      return pathToFileURL(join(root, key)).href;
    }
  };
  return provider;
};
async function rmEmpty(root, dir) {
  while (dir.startsWith(root) && dir !== root) {
    const entries = await readdir(dir).catch(() => void 0);
    if (!entries || entries.length > 0) return;
    await rmdir(dir).catch(() => void 0);
    dir = dirname(dir);
  }
}
var local_default = createLocal;
export {
  local_default as default
};
