import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  collectFindings,
  lintProject
} from "./chunk-DSM6JI7R.js";
import "./chunk-I5Q2OYPU.js";
import "./chunk-5WM6WAOP.js";
export {
  collectFindings,
  lintProject
};
