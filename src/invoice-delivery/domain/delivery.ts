import { IllegalDeliveryTransitionError } from './delivery.errors';
import type { RetryPolicy } from './retry-policy';

export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** Kept short: a remote error message is a hint for the operator, not a log. */
export const MAX_ERROR_LENGTH = 500;

export interface DeliveryState {
  status: DeliveryStatus;
  /** Attempts started so far (an attempt counts from the moment it is claimed). */
  attempts: number;
  /** When a pending delivery may next be tried; null once it is settled. */
  nextAttemptAt: Date | null;
  /** The lease of the attempt in flight: until then no other dispatcher may take it. */
  lockedUntil: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

/**
 * One invoice's delivery through one channel, as a state machine:
 *
 *   pending --startAttempt--> pending (leased) --succeeded--> delivered
 *                                              --failed-----> pending (backoff) | failed (last try)
 *   pending (lease run out, no try left) --abandoned--> failed
 *
 * A lease that runs out without an outcome (the dispatcher died between sending and recording)
 * makes the delivery due again: it is sent once more, which is the only way it is ever sent twice.
 */
export class Delivery {
  private constructor(readonly state: Readonly<DeliveryState>) {
    Object.freeze(this);
  }

  static enqueued(at: Date): Delivery {
    return new Delivery({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lockedUntil: null,
      lastError: null,
      deliveredAt: null,
    });
  }

  static restore(state: DeliveryState): Delivery {
    return new Delivery({ ...state });
  }

  get status(): DeliveryStatus {
    return this.state.status;
  }

  get attempts(): number {
    return this.state.attempts;
  }

  isLeasedAt(now: Date): boolean {
    return this.state.lockedUntil !== null && this.state.lockedUntil.getTime() > now.getTime();
  }

  /** Pending, its wait over, no attempt in flight, and a try left. */
  isDueAt(now: Date, policy: RetryPolicy): boolean {
    return (
      this.state.status === 'pending' &&
      this.state.nextAttemptAt !== null &&
      this.state.nextAttemptAt.getTime() <= now.getTime() &&
      !this.isLeasedAt(now) &&
      policy.hasAttemptsLeftAfter(this.state.attempts)
    );
  }

  startAttempt(now: Date, leaseUntil: Date, policy: RetryPolicy): Delivery {
    if (!this.isDueAt(now, policy))
      throw new IllegalDeliveryTransitionError('start an attempt now', this.describe(now));
    if (leaseUntil.getTime() <= now.getTime()) throw new RangeError('A lease must end after it starts');
    return new Delivery({ ...this.state, attempts: this.state.attempts + 1, lockedUntil: leaseUntil });
  }

  succeeded(now: Date): Delivery {
    this.assertAttemptInFlight('succeed');
    return new Delivery({
      ...this.state,
      status: 'delivered',
      nextAttemptAt: null,
      lockedUntil: null,
      deliveredAt: now,
    });
  }

  /** Retried after the policy's backoff, or given up when that was the last try. */
  failed(now: Date, error: string, policy: RetryPolicy): Delivery {
    this.assertAttemptInFlight('fail');
    const lastError = truncate(error);
    if (!policy.hasAttemptsLeftAfter(this.state.attempts)) {
      return new Delivery({
        ...this.state,
        status: 'failed',
        nextAttemptAt: null,
        lockedUntil: null,
        lastError,
      });
    }
    return new Delivery({
      ...this.state,
      nextAttemptAt: new Date(now.getTime() + policy.delayAfter(this.state.attempts)),
      lockedUntil: null,
      lastError,
    });
  }

  /** The last try's dispatcher died before recording it: its outcome is unknown, no try is left. */
  isAbandonedAt(now: Date, policy: RetryPolicy): boolean {
    return (
      this.state.status === 'pending' &&
      !this.isLeasedAt(now) &&
      !policy.hasAttemptsLeftAfter(this.state.attempts)
    );
  }

  abandoned(now: Date, policy: RetryPolicy): Delivery {
    if (!this.isAbandonedAt(now, policy))
      throw new IllegalDeliveryTransitionError('be abandoned', this.describe(now));
    return new Delivery({
      ...this.state,
      status: 'failed',
      nextAttemptAt: null,
      lockedUntil: null,
      lastError: ABANDONED_ERROR,
    });
  }

  private assertAttemptInFlight(transition: string): void {
    if (this.state.status !== 'pending' || this.state.lockedUntil === null)
      throw new IllegalDeliveryTransitionError(
        transition,
        this.state.status === 'pending' ? 'not leased' : this.state.status,
      );
  }

  private describe(now: Date): string {
    if (this.state.status !== 'pending') return this.state.status;
    return this.isLeasedAt(now) ? 'leased' : 'pending';
  }
}

export const ABANDONED_ERROR = 'the last attempt was interrupted before its outcome was recorded';

function truncate(error: string): string {
  const oneLine = error.replace(/\s+/g, ' ').trim() || 'unknown error';
  return oneLine.length > MAX_ERROR_LENGTH ? `${oneLine.slice(0, MAX_ERROR_LENGTH - 1)}…` : oneLine;
}
