// The contract every CLI command implements. main.ts loads commands lazily by name.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FlagwrightError } from '../model/diagnostic.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress output is allowed). */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throws FlagwrightError for bad input. */
  run(argv: string[], io: CliIO): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: unknown options and missing values become errors that name the option. */
export function parseOptions<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new FlagwrightError(`${(error as Error).message}\nusage: ${usage}`, [], 2);
  }
}

/** Validates an enumerated option value and names the option on failure. */
export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new FlagwrightError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`, [], 2);
}
