import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  FlagwrightError
} from "./chunk-I5Q2OYPU.js";

// src/util/git.ts
import { execFile } from "node:child_process";
function gitRaw(args, cwd, input) {
  return new Promise((resolve) => {
    const child = execFile(
      "git",
      args,
      { cwd, maxBuffer: 1 << 30, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        const code = error ? typeof error.code === "number" ? error.code : 1 : 0;
        resolve({ stdout, stderr, code });
      }
    );
    if (input !== void 0) child.stdin?.end(input);
  });
}
async function git(args, cwd) {
  const result = await gitRaw(args, cwd);
  if (result.code !== 0) {
    throw new FlagwrightError(`git ${args.join(" ")} failed in ${cwd}: ${result.stderr.trim() || `exit ${result.code}`}`);
  }
  return result.stdout.trim();
}
async function resolveCommit(ref, cwd) {
  const result = await gitRaw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
  return result.code === 0 ? result.stdout.trim() : void 0;
}
async function isAncestor(ancestor, descendant, cwd) {
  const result = await gitRaw(["merge-base", "--is-ancestor", ancestor, descendant], cwd);
  return result.code === 0;
}

export {
  gitRaw,
  git,
  resolveCommit,
  isAncestor
};
