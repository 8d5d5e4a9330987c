import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  FlagwrightError
} from "./chunk-I5Q2OYPU.js";

// src/build/state.ts
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
function stateFromDatafiles(entries) {
  const state = /* @__PURE__ */ new Map();
  for (const { environment, datafile } of entries) {
    let features = state.get(environment);
    if (!features) state.set(environment, features = /* @__PURE__ */ new Map());
    for (const [key, feature] of Object.entries(datafile.features ?? {})) {
      if (features.has(key)) continue;
      features.set(key, {
        variations: feature.variations?.map(({ value, weight }) => ({ value, weight })),
        traffic: (feature.traffic ?? []).map(({ key: ruleKey, percentage, allocation }) => ({ key: ruleKey, percentage, allocation: allocation ?? [] }))
      });
    }
  }
  return state;
}
function stateFromDatafileSet(set) {
  return stateFromDatafiles(set.files);
}
function stateFromDirectory(directory, config) {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new FlagwrightError(`--state-from: ${directory} is not a folder of datafiles`, [], 2);
  }
  const entries = [];
  for (const environment of config.environments) {
    const folder = join(directory, environment);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith(".json") || name === "manifest.json") continue;
      const file = join(folder, name);
      if (!statSync(file).isFile()) continue;
      const datafile = readDatafile(file);
      if (datafile) entries.push({ environment, datafile });
    }
  }
  return stateFromDatafiles(entries);
}
function stateFromFeaturevisorFiles(config) {
  const state = /* @__PURE__ */ new Map();
  for (const environment of config.environments) {
    const name = environment ? `existing-state-${environment}.json` : "existing-state.json";
    const file = join(config.stateDirectoryPath, name);
    if (!existsSync(file)) continue;
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    state.set(environment, new Map(Object.entries(parsed.features ?? {})));
  }
  return state.size ? state : void 0;
}
function readDatafile(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new FlagwrightError(`--state-from: ${file} is not valid JSON: ${error.message}`, [], 2);
  }
  const datafile = parsed;
  if (datafile?.schemaVersion === "2" && datafile.features && typeof datafile.features === "object") return datafile;
  if (parsed?.schemaVersion === "1") {
    const v1 = parsed;
    return {
      schemaVersion: "2",
      revision: "",
      segments: {},
      features: Object.fromEntries(v1.features.map((f) => [f.key, { bucketBy: "userId", variations: f.variations, traffic: f.traffic }]))
    };
  }
  return void 0;
}

export {
  stateFromDatafiles,
  stateFromDatafileSet,
  stateFromDirectory,
  stateFromFeaturevisorFiles
};
