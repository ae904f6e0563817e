import { ABANDONED_ERROR, Delivery, MAX_ERROR_LENGTH } from './delivery';
import { IllegalDeliveryTransitionError } from './delivery.errors';
import { RetryPolicy } from './retry-policy';

const policy = new RetryPolicy(30_000, 3);
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const LEASE = 120_000;

/** Starts the next attempt at `now` with the usual lease. */
const start = (delivery: Delivery, now: Date) =>
  delivery.startAttempt(now, at(now.getTime() - t0.getTime() + LEASE), policy);

describe('Delivery', () => {
  it('is due as soon as it is enqueued', () => {
    const delivery = Delivery.enqueued(t0);
    expect(delivery.state).toEqual({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: t0,
      lockedUntil: null,
      lastError: null,
      deliveredAt: null,
    });
    expect(delivery.isDueAt(t0, policy)).toBe(true);
    expect(delivery.isDueAt(at(-1), policy)).toBe(false);
  });

  it('counts an attempt when it starts and leases it', () => {
    const attempt = start(Delivery.enqueued(t0), t0);
    expect(attempt.attempts).toBe(1);
    expect(attempt.state.lockedUntil).toEqual(at(LEASE));
    expect(attempt.isDueAt(at(LEASE - 1), policy)).toBe(false);
  });

  it('is delivered when the attempt succeeds', () => {
    const delivered = start(Delivery.enqueued(t0), t0).succeeded(at(500));
    expect(delivered.state).toMatchObject({
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lockedUntil: null,
      deliveredAt: at(500),
    });
    expect(delivered.isDueAt(at(10 * LEASE), policy)).toBe(false);
  });

  it('waits base × 2^(n-1) after the n-th failure, then gives up after the last try', () => {
    let delivery = start(Delivery.enqueued(t0), t0).failed(t0, 'the receiver answered HTTP 500', policy);
    expect(delivery.state).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(30_000),
      lockedUntil: null,
      lastError: 'the receiver answered HTTP 500',
    });
    expect(delivery.isDueAt(at(29_999), policy)).toBe(false);
    expect(delivery.isDueAt(at(30_000), policy)).toBe(true);

    delivery = start(delivery, at(30_000)).failed(at(30_000), 'the receiver answered HTTP 502', policy);
    expect(delivery.state).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: at(90_000) });

    delivery = start(delivery, at(90_000)).failed(at(90_000), 'the receiver answered HTTP 503', policy);
    expect(delivery.state).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      lastError: 'the receiver answered HTTP 503',
    });
    expect(delivery.isDueAt(at(10_000_000), policy)).toBe(false);
  });

  it('keeps the last error after a later success', () => {
    const failedOnce = start(Delivery.enqueued(t0), t0).failed(t0, 'timeout', policy);
    const delivered = start(failedOnce, at(30_000)).succeeded(at(31_000));
    expect(delivered.state).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'timeout' });
  });

  it('is due again once the lease of an unrecorded attempt runs out (a dispatcher died)', () => {
    const inFlight = start(Delivery.enqueued(t0), t0);
    expect(inFlight.isDueAt(at(LEASE - 1), policy)).toBe(false);
    expect(inFlight.isDueAt(at(LEASE), policy)).toBe(true);
    expect(start(inFlight, at(LEASE)).attempts).toBe(2);
  });

  it('is abandoned as failed when the last try was interrupted', () => {
    let delivery = Delivery.enqueued(t0);
    for (let attempt = 1; attempt < 3; attempt++)
      delivery = start(delivery, delivery.state.nextAttemptAt!).failed(
        delivery.state.nextAttemptAt!,
        'x',
        policy,
      );
    const lastTry = start(delivery, delivery.state.nextAttemptAt!);
    const leaseEnd = lastTry.state.lockedUntil!;
    expect(lastTry.isAbandonedAt(at(0), policy)).toBe(false);
    expect(lastTry.isDueAt(leaseEnd, policy)).toBe(false);
    expect(lastTry.isAbandonedAt(leaseEnd, policy)).toBe(true);
    expect(lastTry.abandoned(leaseEnd, policy).state).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: ABANDONED_ERROR,
    });
  });

  it('refuses transitions the machine does not have', () => {
    const pending = Delivery.enqueued(t0);
    expect(() => pending.succeeded(t0)).toThrow(IllegalDeliveryTransitionError);
    expect(() => pending.failed(t0, 'x', policy)).toThrow(IllegalDeliveryTransitionError);
    expect(() => pending.abandoned(t0, policy)).toThrow(IllegalDeliveryTransitionError);
    const inFlight = start(pending, t0);
    expect(() => start(inFlight, at(1))).toThrow(IllegalDeliveryTransitionError);
    const delivered = inFlight.succeeded(t0);
    expect(() => delivered.succeeded(t0)).toThrow(IllegalDeliveryTransitionError);
    expect(() => delivered.failed(t0, 'x', policy)).toThrow(IllegalDeliveryTransitionError);
    expect(() => start(delivered, at(LEASE))).toThrow(IllegalDeliveryTransitionError);
    expect(() => pending.startAttempt(t0, t0, policy)).toThrow(RangeError);
  });

  it('keeps an error to one short line', () => {
    const failed = start(Delivery.enqueued(t0), t0).failed(t0, `  first\nsecond ${'x'.repeat(1000)}`, policy);
    expect(failed.state.lastError!.length).toBe(MAX_ERROR_LENGTH);
    expect(failed.state.lastError!.startsWith('first second x')).toBe(true);
    expect(start(Delivery.enqueued(t0), t0).failed(t0, ' ', policy).state.lastError).toBe('unknown error');
  });
});
