// Types of validators.generated.js (see validator-code.ts).
import type { ErrorObject } from 'ajv';

export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const attribute: PrecompiledValidator;
export declare const segment: PrecompiledValidator;
export declare const feature_v1: PrecompiledValidator;
export declare const feature_v2: PrecompiledValidator;
export declare const group: PrecompiledValidator;
export declare const test_v1: PrecompiledValidator;
export declare const test_v2: PrecompiledValidator;
