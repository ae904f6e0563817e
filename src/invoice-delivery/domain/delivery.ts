import { IllegalDeliveryTransitionError } from './delivery.errors';
import type { RetryPolicy } from './retry-policy';

/**
 * The name of every delivery channel, as the outbox rows and the API carry it. The entity's check
 * constraint and the API's enum are built from this list, and the channel registry must name a
 * class for each (the compiler checks it).
 */
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannelName = (typeof DELIVERY_CHANNELS)[number];
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * What an outbox row carries: an issued invoice (through every channel that is on), or a
 * `balance.low` event (through the webhook only; its body is the row's payload, fixed when queued).
 */
export const DELIVERY_MESSAGE_KINDS = ['invoice', 'balance.low'] as const;
export type DeliveryMessageKind = (typeof DELIVERY_MESSAGE_KINDS)[number];

/** The channels a kind of message may go through (the outbox table's checks say the same). */
export const CHANNELS_OF_KIND: Readonly<Record<DeliveryMessageKind, readonly DeliveryChannelName[]>> = {
  invoice: DELIVERY_CHANNELS,
  'balance.low': ['webhook'],
};

/**
 * The channel-specific columns of an outbox row, fixed when the invoice is issued; a channel leaves
 * the others null. A new field here is a new column of `invoice_deliveries`.
 */
export interface OutboxFields {
  /** Email: the customer's address at issue time. */
  recipient: string | null;
  /** Webhook: the Standard Webhooks message id, the same on every retry. */
  webhookId: string | null;
}

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
 *   pending --claimed (attempt counted, leased)--> pending (leased) --succeeded--> delivered
 *                                                                  --failed-----> pending (backoff) | failed (last try)
 *   pending (lease run out, no try left) --abandoned--> failed
 *
 * Claiming and abandoning are set-wise statements of the outbox repository (a batch leased in one
 * statement); the outcome of an attempt is decided here. A lease that runs out without an outcome
 * (the dispatcher died between sending and recording) makes the delivery due again: it is sent
 * once more, which is the only way it is ever sent twice.
 */
export class Delivery {
  private constructor(readonly state: Readonly<DeliveryState>) {
    Object.freeze(this);
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

  private assertAttemptInFlight(transition: string): void {
    if (this.state.status !== 'pending' || this.state.lockedUntil === null)
      throw new IllegalDeliveryTransitionError(
        transition,
        this.state.status === 'pending' ? 'not leased' : this.state.status,
      );
  }
}

export const ABANDONED_ERROR = 'the last attempt was interrupted before its outcome was recorded';

function truncate(error: string): string {
  const oneLine = error.replace(/\s+/g, ' ').trim() || 'unknown error';
  return oneLine.length > MAX_ERROR_LENGTH ? `${oneLine.slice(0, MAX_ERROR_LENGTH - 1)}…` : oneLine;
}
