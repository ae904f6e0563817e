import { Delivery, MAX_ERROR_LENGTH } from './delivery';
import { IllegalDeliveryTransitionError } from './delivery.errors';
import { RetryPolicy } from './retry-policy';

const policy = new RetryPolicy(30_000, 3);
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const LEASE = 120_000;

/**
 * A delivery as the repository's claim answers it at `now`: its n-th attempt counted and leased,
 * the last error of an earlier attempt kept.
 */
const claimed = (attempts: number, now: Date, lastError: string | null = null) =>
  Delivery.restore({
    status: 'pending',
    attempts,
    nextAttemptAt: now,
    lockedUntil: new Date(now.getTime() + LEASE),
    lastError,
    deliveredAt: null,
  });

describe('Delivery', () => {
  it('is delivered when the attempt succeeds', () => {
    const delivered = claimed(1, t0).succeeded(at(500));
    expect(delivered.state).toMatchObject({
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lockedUntil: null,
      deliveredAt: at(500),
    });
  });

  it('waits base × 2^(n-1) after the n-th failure, then gives up after the last try', () => {
    let delivery = claimed(1, t0).failed(t0, 'the receiver answered HTTP 500', policy);
    expect(delivery.state).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(30_000),
      lockedUntil: null,
      lastError: 'the receiver answered HTTP 500',
    });

    delivery = claimed(2, delivery.state.nextAttemptAt!, delivery.state.lastError).failed(
      at(30_000),
      'the receiver answered HTTP 502',
      policy,
    );
    expect(delivery.state).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: at(90_000) });

    delivery = claimed(3, delivery.state.nextAttemptAt!, delivery.state.lastError).failed(
      at(90_000),
      'the receiver answered HTTP 503',
      policy,
    );
    expect(delivery.state).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      lastError: 'the receiver answered HTTP 503',
    });
  });

  it('keeps the last error after a later success', () => {
    const failedOnce = claimed(1, t0).failed(t0, 'timeout', policy);
    const delivered = claimed(2, at(30_000), failedOnce.state.lastError).succeeded(at(31_000));
    expect(delivered.state).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'timeout' });
  });

  it('refuses transitions the machine does not have', () => {
    const notLeased = Delivery.restore({ ...claimed(0, t0).state, lockedUntil: null });
    expect(() => notLeased.succeeded(t0)).toThrow(IllegalDeliveryTransitionError);
    expect(() => notLeased.failed(t0, 'x', policy)).toThrow(IllegalDeliveryTransitionError);
    const delivered = claimed(1, t0).succeeded(t0);
    expect(() => delivered.succeeded(t0)).toThrow(IllegalDeliveryTransitionError);
    expect(() => delivered.failed(t0, 'x', policy)).toThrow(IllegalDeliveryTransitionError);
    const givenUp = claimed(3, t0).failed(t0, 'x', policy);
    expect(() => givenUp.succeeded(t0)).toThrow(IllegalDeliveryTransitionError);
    expect(() => givenUp.failed(t0, 'x', policy)).toThrow(IllegalDeliveryTransitionError);
  });

  it('keeps an error to one short line', () => {
    const failed = claimed(1, t0).failed(t0, `  first\nsecond ${'x'.repeat(1000)}`, policy);
    expect(failed.state.lastError!.length).toBe(MAX_ERROR_LENGTH);
    expect(failed.state.lastError!.startsWith('first second x')).toBe(true);
    expect(claimed(1, t0).failed(t0, ' ', policy).state.lastError).toBe('unknown error');
  });
});
