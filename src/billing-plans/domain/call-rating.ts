import type { Money } from '../../shared/domain/money';
import type { TimeZone } from '../../shared/domain/time-zone';

/**
 * What a plan rates: the whole call as the switch reported it, so that a plan may price by
 * duration, destination or start instant. Built from a validated call record.
 */
export interface CallToRate {
  /** Whole seconds, at least 1. Calls arrive in whole minutes today: `minutes × 60`. */
  durationSeconds: number;
  /** The number dialled, as the switch sent it; null when it did not say. */
  destination: string | null;
  /** The instant the call started: a dated tariff or a time-of-day price reads it. */
  startedAt: Date;
  /** The customer's line that made the call, E.164. */
  phoneNumber: string;
  /** The customer's time zone: the calendar a weekday or time-of-day price reads `startedAt` in. */
  timezone: TimeZone;
}

/** The price a call was rated at: its tariff group and per-minute rate (a call's `unitPrice`). */
export interface CallRate {
  /** `default` for a plan's own rate; a plan with several prices names each (e.g. `weekend`). */
  group: string;
  ratePerMinute: Money;
}

/** What a plan charges for one call, fixed when the call is recorded. */
export interface CallRating {
  rate: CallRate;
  /** The seconds billed: the duration rounded up to the plan's billing increment. */
  billedSeconds: number;
  /** Exact, never rounded: `ratePerMinute × billedSeconds / 60`. */
  charge: Money;
}

export const DEFAULT_RATE_GROUP = 'default';

/**
 * Rated per started minute (a 60/60 increment): a call of 61 seconds bills 120 seconds, two
 * minutes at the rate. A duration in whole minutes bills exactly those minutes.
 */
export function ratePerStartedMinute(call: CallToRate, rate: CallRate): CallRating {
  const billedMinutes = Math.ceil(call.durationSeconds / 60);
  return { rate, billedSeconds: billedMinutes * 60, charge: rate.ratePerMinute.times(billedMinutes) };
}
