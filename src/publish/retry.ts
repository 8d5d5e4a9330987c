// Bounded concurrency and retries with backoff for store requests (throttling, 5xx, resets, timeouts).
import { setTimeout as sleep } from 'node:timers/promises';
import { FlagwrightError } from '../model/diagnostic.ts';
import { ProviderError } from '../../providers/types.ts';

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);
const RETRYABLE_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'SlowDown', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'InternalError', 'ServiceUnavailable', 'AbortError']);

function statusOf(error: any): number | undefined {
  return error?.$metadata?.httpStatusCode ?? error?.statusCode ?? (typeof error?.code === 'number' ? error.code : undefined) ?? error?.response?.status;
}

export function isRetryable(error: unknown): boolean {
  const e = error as any;
  if (e instanceof ProviderError) return e.retryable;
  const status = statusOf(e);
  if (status === 429 || status === 408 || (status !== undefined && status >= 500)) return true;
  if (RETRYABLE_CODES.has(e?.code) || RETRYABLE_CODES.has(e?.cause?.code) || RETRYABLE_NAMES.has(e?.name)) return true;
  if (e?.$retryable || e?.$metadata?.httpStatusCode === undefined && /socket hang up|ECONNRESET|timed? ?out|network/i.test(String(e?.message))) return true;
  return false;
}

export async function withRetry<T>(what: string, fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error)) {
        const message = (error as Error)?.message || String(error);
        throw Object.assign(new FlagwrightError(`${what}: ${message}`), { cause: error });
      }
      // Full jitter keeps parallel retries from hammering a throttled store in lockstep.
      await sleep(Math.random() * options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}

/** Runs `fn` over items with at most `limit` in flight; the first failure stops new work and is thrown after in-flight work settles. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
