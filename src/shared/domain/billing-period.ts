import { DateTime } from 'luxon';
import { InvalidPeriodError } from './shared.errors';
import type { TimeZone } from './time-zone';

/** A period as clients write it: YYYY-MM. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FIRST_YEAR = 2000;
const CACHE_LIMIT = 10_000;
const RECENT_PER_ZONE = 4;

// Periods are immutable and costly to compute (luxon's zone arithmetic takes tens of microseconds),
// while a batch of calls touches a handful: remember them.
const periodCache = new Map<string, BillingPeriod>();
const recentByZone = new Map<string, BillingPeriod[]>();

/**
 * A calendar month in a customer's time zone: from local midnight on the 1st up to, not including,
 * local midnight on the 1st of the next month. Its length in hours varies with daylight saving.
 */
export class BillingPeriod {
  private readonly startMs: number;
  private readonly endMs: number;

  private constructor(
    private readonly year: number,
    private readonly month: number,
    readonly zone: TimeZone,
  ) {
    const first = DateTime.fromObject({ year, month, day: 1 }, { zone: zone.name });
    this.startMs = first.toMillis();
    this.endMs = first.plus({ months: 1 }).toMillis();
    Object.freeze(this);
  }

  static parse(code: string, zone: TimeZone): BillingPeriod {
    const match = typeof code === 'string' ? PERIOD_PATTERN.exec(code) : null;
    if (!match || Number(match[1]) < FIRST_YEAR) throw new InvalidPeriodError(code);
    return BillingPeriod.of(Number(match[1]), Number(match[2]), zone);
  }

  /** The month that the instant falls in, as the calendar on the wall in that zone reads it. */
  static containing(instant: Date, zone: TimeZone): BillingPeriod {
    const recent = recentByZone.get(zone.name) ?? [];
    const known = recent.find((period) => period.contains(instant));
    if (known) return known;
    const local = DateTime.fromJSDate(instant, { zone: zone.name });
    if (!local.isValid) throw new RangeError(`Not a valid instant: ${String(instant)}`);
    const period = BillingPeriod.of(local.year, local.month, zone);
    if (recentByZone.size >= CACHE_LIMIT) recentByZone.clear();
    recentByZone.set(zone.name, [period, ...recent].slice(0, RECENT_PER_ZONE));
    return period;
  }

  private static of(year: number, month: number, zone: TimeZone): BillingPeriod {
    const key = `${zone.name}|${year}|${month}`;
    const cached = periodCache.get(key);
    if (cached) return cached;
    if (periodCache.size >= CACHE_LIMIT) periodCache.clear();
    const period = new BillingPeriod(year, month, zone);
    periodCache.set(key, period);
    return period;
  }

  /** The newest period that has ended by `now`: the one before the month `now` is in. */
  static lastClosedAt(now: Date, zone: TimeZone): BillingPeriod {
    return BillingPeriod.containing(now, zone).previous();
  }

  get code(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}`;
  }

  /** The UTC instant of local midnight on the 1st (a fresh Date: callers cannot move the period). */
  get start(): Date {
    return new Date(this.startMs);
  }

  /** Exclusive: local midnight on the 1st of the next month. */
  get end(): Date {
    return new Date(this.endMs);
  }

  contains(instant: Date): boolean {
    const time = instant.getTime();
    return time >= this.startMs && time < this.endMs;
  }

  /** Closed once its end has passed; the end itself already belongs to the next period. */
  isClosedAt(now: Date): boolean {
    return this.endMs <= now.getTime();
  }

  next(): BillingPeriod {
    return this.month === 12
      ? BillingPeriod.of(this.year + 1, 1, this.zone)
      : BillingPeriod.of(this.year, this.month + 1, this.zone);
  }

  previous(): BillingPeriod {
    return this.month === 1
      ? BillingPeriod.of(this.year - 1, 12, this.zone)
      : BillingPeriod.of(this.year, this.month - 1, this.zone);
  }

  equals(other: BillingPeriod): boolean {
    return this.code === other.code && this.zone.equals(other.zone);
  }

  /** By calendar month only: the same code in two zones compares equal here. */
  compareTo(other: BillingPeriod): -1 | 0 | 1 {
    const mine = this.year * 12 + this.month;
    const theirs = other.year * 12 + other.month;
    return mine < theirs ? -1 : mine > theirs ? 1 : 0;
  }

  toString(): string {
    return this.code;
  }

  toJSON(): string {
    return this.code;
  }
}
