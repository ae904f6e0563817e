import { InvalidRetryPolicyError } from './delivery.errors';

/** No single wait grows past a day, whatever base and attempt count are configured. */
export const MAX_RETRY_DELAY_MS = 24 * 60 * 60 * 1000;

/**
 * Exponential backoff: after the n-th failed attempt the next one waits base × 2^(n-1) (30 s, 1 min,
 * 2 min, ... with the default base), and after `maxAttempts` tries the delivery is given up.
 */
export class RetryPolicy {
  constructor(
    readonly baseMs: number,
    readonly maxAttempts: number,
  ) {
    if (!Number.isSafeInteger(baseMs) || baseMs < 1) throw new InvalidRetryPolicyError('baseMs', baseMs);
    if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1)
      throw new InvalidRetryPolicyError('maxAttempts', maxAttempts);
    Object.freeze(this);
  }

  /** The wait after failed attempt number `attempt` (1 for the first try). */
  delayAfter(attempt: number): number {
    if (!Number.isSafeInteger(attempt) || attempt < 1) throw new InvalidRetryPolicyError('attempt', attempt);
    // 2^(attempt-1) overflows nothing here: past 2^40 the cap has long been reached.
    return Math.min(this.baseMs * 2 ** Math.min(attempt - 1, 40), MAX_RETRY_DELAY_MS);
  }

  hasAttemptsLeftAfter(attempts: number): boolean {
    return attempts < this.maxAttempts;
  }
}
