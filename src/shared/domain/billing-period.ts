import { DateTime } from 'luxon';
import { InvalidPeriodError } from './shared.errors';
import type { TimeZone } from './time-zone';

const CODE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FIRST_YEAR = 2000;

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
    const match = typeof code === 'string' ? CODE.exec(code) : null;
    if (!match || Number(match[1]) < FIRST_YEAR) throw new InvalidPeriodError(code);
    return new BillingPeriod(Number(match[1]), Number(match[2]), zone);
  }

  /** The month that the instant falls in, as the calendar on the wall in that zone reads it. */
  static containing(instant: Date, zone: TimeZone): BillingPeriod {
    const local = DateTime.fromJSDate(instant, { zone: zone.name });
    if (!local.isValid) throw new RangeError(`Not a valid instant: ${String(instant)}`);
    return new BillingPeriod(local.year, local.month, zone);
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
      ? new BillingPeriod(this.year + 1, 1, this.zone)
      : new BillingPeriod(this.year, this.month + 1, this.zone);
  }

  previous(): BillingPeriod {
    return this.month === 1
      ? new BillingPeriod(this.year - 1, 12, this.zone)
      : new BillingPeriod(this.year, this.month - 1, this.zone);
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
