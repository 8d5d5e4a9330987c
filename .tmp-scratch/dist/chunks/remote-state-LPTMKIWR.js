import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  decodeStored,
  readLiveDatafiles,
  readManifest
} from "./chunk-SVF7A3CJ.js";
import "./chunk-I5Q2OYPU.js";
import "./chunk-5WM6WAOP.js";
export {
  decodeStored,
  readLiveDatafiles,
  readManifest
};
