import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  stateFromDatafileSet,
  stateFromDatafiles,
  stateFromDirectory,
  stateFromFeaturevisorFiles
} from "./chunk-32RBB6C4.js";
import "./chunk-I5Q2OYPU.js";
import "./chunk-5WM6WAOP.js";
export {
  stateFromDatafileSet,
  stateFromDatafiles,
  stateFromDirectory,
  stateFromFeaturevisorFiles
};
