import fc from 'fast-check';
import { InvalidRetryPolicyError } from './delivery.errors';
import { MAX_RETRY_DELAY_MS, RetryPolicy } from './retry-policy';

describe('RetryPolicy', () => {
  it('doubles the wait after each failed attempt, starting at the base', () => {
    const policy = new RetryPolicy(30_000, 8);
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => policy.delayAfter(attempt))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
    ]);
  });

  it('never waits longer than a day', () => {
    const policy = new RetryPolicy(3_600_000, 100);
    expect(policy.delayAfter(5)).toBe(16 * 3_600_000);
    expect(policy.delayAfter(6)).toBe(MAX_RETRY_DELAY_MS);
    expect(policy.delayAfter(100)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('grows monotonically and stays finite for any base and attempt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86_400_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (base, attempt) => {
          const policy = new RetryPolicy(base, 1000);
          const delay = policy.delayAfter(attempt);
          expect(Number.isSafeInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.min(base, MAX_RETRY_DELAY_MS));
          expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
          if (attempt > 1) expect(delay).toBeGreaterThanOrEqual(policy.delayAfter(attempt - 1));
        },
      ),
    );
  });

  it('has attempts left until the maximum is reached', () => {
    const policy = new RetryPolicy(1000, 3);
    expect([0, 1, 2, 3, 4].map((attempts) => policy.hasAttemptsLeftAfter(attempts))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it.each([
    [0, 8],
    [-1, 8],
    [1.5, 8],
    [30_000, 0],
    [30_000, 2.5],
  ])('refuses base %p with %p attempts', (base, attempts) => {
    expect(() => new RetryPolicy(base, attempts)).toThrow(InvalidRetryPolicyError);
  });

  it('refuses an attempt number below 1', () => {
    expect(() => new RetryPolicy(1000, 3).delayAfter(0)).toThrow(InvalidRetryPolicyError);
  });
});
