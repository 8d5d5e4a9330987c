import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  FlagwrightError
} from "./chunk-I5Q2OYPU.js";

// src/publish/remote-state.ts
import { brotliDecompressSync, gunzipSync } from "node:zlib";

// src/publish/layout.ts
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
var DEFAULT_CACHE = {
  latest: "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400",
  immutable: "public, max-age=31536000, immutable",
  manifest: "no-cache"
};
var CONTENT_TYPE = "application/json; charset=utf-8";
var MANIFEST_KEY = "manifest.json";
var MANIFEST_SCHEMA = "flagwright-manifest/1";
function revisionManifestKey(revision) {
  return `manifests/${revision}.json`;
}
function contentHashOf(bytes) {
  try {
    const parsed = JSON.parse(bytes.toString("utf8"));
    if (parsed && typeof parsed === "object" && "revision" in parsed) {
      return sha256Hex(Buffer.from(JSON.stringify({ ...parsed, revision: "" })));
    }
  } catch {
  }
  return sha256Hex(bytes);
}
function latestKey(file) {
  return file.environment ? `${file.environment}/${file.name}` : file.name;
}
function immutableKey(file, revision) {
  return file.environment ? `${file.environment}/${revision}/${file.name}` : `${revision}/${file.name}`;
}
var DATAFILE_NAME = /^featurevisor-tag-.+\.json$/;
function revisionOfKey(key, environments) {
  const parts = key.split("/");
  if (parts.length === 2 && parts[0] === "manifests" && parts[1].endsWith(".json")) return parts[1].slice(0, -5);
  if (!DATAFILE_NAME.test(parts[parts.length - 1])) return void 0;
  if (environments.size > 0) return parts.length === 3 && environments.has(parts[0]) ? parts[1] : void 0;
  return parts.length === 2 ? parts[0] : void 0;
}
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function md5Hex(bytes) {
  return createHash("md5").update(bytes).digest("hex");
}
function encode(bytes, compression) {
  if (compression === "gzip") return gzipSync(bytes, { level: 9 });
  if (compression === "br") {
    return brotliCompressSync(bytes, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
    });
  }
  return bytes;
}
function headersFor(cacheControl, compression) {
  return {
    cacheControl,
    contentType: CONTENT_TYPE,
    ...compression === "none" ? {} : { contentEncoding: compression }
  };
}

// src/publish/target.ts
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var SCHEMES = "file://DIR, s3://bucket/prefix, gs://bucket/prefix, azblob://account/container/prefix, https://<account>.blob.core.windows.net/container/prefix, pages://branch/dir";
function bad(uri, why) {
  return new FlagwrightError(`--target "${uri}": ${why} (expected one of ${SCHEMES})`, [], 2);
}
function cleanPrefix(uri, parts) {
  const segments = parts.filter((part) => part !== "");
  for (const segment of segments) {
    if (segment === ".." || segment === ".") throw bad(uri, `the prefix must not contain "${segment}" segments`);
  }
  return segments.join("/");
}
function parseTarget(uri, cwd = process.cwd()) {
  if (!uri) throw bad(uri, "no target given");
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(uri);
  if (!match) throw bad(uri, "not a URI");
  const scheme = match[1].toLowerCase();
  const rest = match[2];
  if (rest.split(/[/\\]/).includes("..")) throw bad(uri, 'the path must not contain ".." segments');
  switch (scheme) {
    case "file": {
      const path = rest.startsWith("/") ? fileURLToPath(`file://${rest}`) : rest;
      if (!path) throw bad(uri, "no directory given");
      return { scheme: "file", dir: isAbsolute(path) ? path : resolve(cwd, path), prefix: "", uri };
    }
    case "s3":
    case "gs": {
      const [bucket, ...parts] = rest.split("/");
      if (!bucket) throw bad(uri, "no bucket given");
      return { scheme: scheme === "s3" ? "s3" : "gs", bucket, prefix: cleanPrefix(uri, parts), uri };
    }
    case "azblob": {
      const [account, container, ...parts] = rest.split("/");
      if (!account || !container) throw bad(uri, "expected azblob://account/container/prefix");
      return { scheme: "azblob", account, bucket: container, prefix: cleanPrefix(uri, parts), uri };
    }
    case "https": {
      const host = /^([a-z0-9]+)\.blob\.core\.windows\.net$/i.exec(rest.split("/")[0]);
      if (!host) throw bad(uri, "only Azure Blob URLs (https://<account>.blob.core.windows.net/...) are https targets");
      const [, container, ...parts] = rest.split("/");
      if (!container) throw bad(uri, "no container given");
      return { scheme: "azblob", account: host[1], bucket: container, prefix: cleanPrefix(uri, parts), uri };
    }
    case "pages": {
      const [branch, ...parts] = rest.split("/");
      if (!branch) throw bad(uri, "no branch given");
      return { scheme: "pages", bucket: branch, prefix: cleanPrefix(uri, parts), uri };
    }
    default:
      throw bad(uri, `unknown scheme "${scheme}://"`);
  }
}

// src/publish/providers.ts
var loaders = {
  file: () => import("./local-VF3R4FUV.js"),
  s3: () => import("./s3-EYQ5BBHG.js"),
  gs: () => import("./gcs-THV6TXGW.js"),
  azblob: () => import("./azure-56TBNQHG.js"),
  pages: () => import("./pages-CAVT626E.js")
};
async function openTarget(target, options = {}) {
  const location = parseTarget(target, options.cwd);
  const factory = (await loaders[location.scheme]()).default;
  const provider = await factory(location, {
    ...options,
    env: options.env ?? process.env,
    repoDir: options.repoDir ?? options.cwd ?? process.cwd()
  });
  return { location, provider };
}

// src/publish/remote-state.ts
function decodeStored(stored) {
  if (stored.contentEncoding === "gzip") return gunzipSync(stored.body);
  if (stored.contentEncoding === "br") return brotliDecompressSync(stored.body);
  return stored.body;
}
async function readManifest(provider) {
  const stored = await provider.get(MANIFEST_KEY);
  if (!stored) return void 0;
  const raw = decodeStored(stored);
  let manifest;
  try {
    manifest = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new FlagwrightError(`${MANIFEST_KEY} on the target is not valid JSON; fix or remove it before deploying`);
  }
  if (manifest?.schema !== MANIFEST_SCHEMA || !Array.isArray(manifest.files)) {
    throw new FlagwrightError(`${MANIFEST_KEY} on the target was not written by Flagwright (schema "${String(manifest?.schema)}"); refusing to overwrite it`);
  }
  manifest.history ??= [{ revision: manifest.revision, ...manifest.commit ? { commit: manifest.commit } : {}, time: manifest.time }];
  return { manifest, raw };
}
async function readLiveDatafiles(target, options = {}) {
  const { provider } = await openTarget(target, options);
  try {
    const live = await readManifest(provider);
    if (!live) return void 0;
    const files = [];
    for (const file of live.manifest.files) {
      const stored = await provider.get(file.immutablePath) ?? await provider.get(file.path);
      if (!stored) throw new FlagwrightError(`${target}: ${file.immutablePath} is listed in the manifest but missing`);
      const bytes = decodeStored(stored);
      const name = file.path.split("/").pop();
      files.push({
        environment: file.environment,
        tag: /^featurevisor-tag-(.+)\.json$/.exec(name)?.[1] ?? name,
        path: file.path,
        datafile: JSON.parse(bytes.toString("utf8")),
        bytes
      });
    }
    return { revision: live.manifest.revision, ...live.manifest.commit ? { commit: live.manifest.commit } : {}, files };
  } finally {
    await provider.close?.();
  }
}

export {
  DEFAULT_CACHE,
  MANIFEST_KEY,
  revisionManifestKey,
  contentHashOf,
  latestKey,
  immutableKey,
  revisionOfKey,
  sha256Hex,
  md5Hex,
  encode,
  headersFor,
  openTarget,
  decodeStored,
  readManifest,
  readLiveDatafiles
};
