import { localMonthAt, startOfLocalDay } from './local-time';
import { InvalidPeriodError } from './shared.errors';
import type { TimeZone } from './time-zone';

/** A period as clients write it: YYYY-MM. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Months are numbered year × 12 + (month − 1): 1970-01 is the first billing period. */
const FIRST_MONTH = 1970 * 12;
const CACHE_LIMIT = 20_000;
const RECENT_PER_ZONE = 4;

// Both caches only remember answers that are a pure function of their key (zone and month) and
// the time zone database: they save work, they never change an answer, whatever was asked before.
const periods = new Map<string, BillingPeriod>();
const monthStarts = new Map<string, number>();
const recentByZone = new Map<string, BillingPeriod[]>();

const codeOf = (month: number) =>
  `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;

/**
 * A calendar month in a customer's IANA time zone (API.md, "Invoicing"): it starts at the first
 * instant whose local date is its 1st and ends, exclusive, where the next period starts.
 * - local midnight skipped by a clock change: it starts at the instant the clock jumps to;
 * - local midnight happening twice: at the earlier one;
 * - a 1st that never happens in the zone: at the first instant of a later local date.
 *
 * So consecutive periods meet, and every instant from the start of `1970-01` on lies in exactly
 * one period: `containing(t)` is the period whose [start, end) holds t. Bounds come from the zone's
 * offsets (Intl), never from adding a month to a start. Periods exist from `1970-01` on.
 */
export class BillingPeriod {
  static readonly FIRST_CODE = codeOf(FIRST_MONTH);

  readonly code: string;

  private constructor(
    /** year × 12 + (month − 1) */
    private readonly month: number,
    readonly zone: TimeZone,
    private readonly startMs: number,
    private readonly endMs: number,
  ) {
    this.code = codeOf(month);
    Object.freeze(this);
  }

  /** `YYYY-MM` from `1970-01` on; anything else is an InvalidPeriodError (400). */
  static parse(code: string, zone: TimeZone): BillingPeriod {
    const match = typeof code === 'string' ? PERIOD_PATTERN.exec(code) : null;
    const month = match ? Number(match[1]) * 12 + Number(match[2]) - 1 : Number.NaN;
    if (!(month >= FIRST_MONTH)) throw new InvalidPeriodError(code);
    return BillingPeriod.of(month, zone);
  }

  /** The first period, `1970-01`, in `zone`: instants before its start belong to no period. */
  static first(zone: TimeZone): BillingPeriod {
    return BillingPeriod.of(FIRST_MONTH, zone);
  }

  /**
   * The period whose [start, end) holds `instant`. Throws a RangeError for an instant before the
   * first period's start (callers that take instants from outside check `first(zone).start`).
   */
  static containing(instant: Date, zone: TimeZone): BillingPeriod {
    const time = instant.getTime();
    if (!Number.isFinite(time)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
    const recent = recentByZone.get(zone.name);
    if (recent) for (const period of recent) if (time >= period.startMs && time < period.endMs) return period;

    const local = localMonthAt(zone.name, time);
    let period = BillingPeriod.of(Math.max(local.year * 12 + local.month - 1, FIRST_MONTH), zone);
    // The wall calendar can step back over a period's start (a clock set back across midnight):
    // the bounds, not the wall calendar, decide.
    while (time < period.startMs) {
      if (period.month === FIRST_MONTH) {
        throw new RangeError(
          `${instant.toISOString()} is before ${BillingPeriod.FIRST_CODE} in ${zone.name}`,
        );
      }
      period = period.previous();
    }
    while (time >= period.endMs) period = period.next();

    if (recentByZone.size >= CACHE_LIMIT) recentByZone.clear();
    recentByZone.set(zone.name, [period, ...(recent ?? [])].slice(0, RECENT_PER_ZONE));
    return period;
  }

  /** The newest period that has ended by `now`: the one before the period `now` is in. */
  static lastClosedAt(now: Date, zone: TimeZone): BillingPeriod {
    return BillingPeriod.containing(now, zone).previous();
  }

  private static of(month: number, zone: TimeZone): BillingPeriod {
    const key = `${zone.name}|${month}`;
    let period = periods.get(key);
    if (!period) {
      period = new BillingPeriod(month, zone, startOfMonth(zone, month), startOfMonth(zone, month + 1));
      if (periods.size >= CACHE_LIMIT) periods.clear();
      periods.set(key, period);
    }
    return period;
  }

  /** The first instant of the period (a fresh Date: callers cannot move the period). */
  get start(): Date {
    return new Date(this.startMs);
  }

  /** Exclusive: the next period's start. */
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
    return BillingPeriod.of(this.month + 1, this.zone);
  }

  /** Throws a RangeError on `1970-01`: no period comes before it. */
  previous(): BillingPeriod {
    if (this.month <= FIRST_MONTH)
      throw new RangeError(`No billing period before ${BillingPeriod.FIRST_CODE}`);
    return BillingPeriod.of(this.month - 1, this.zone);
  }

  equals(other: BillingPeriod): boolean {
    return this.month === other.month && this.zone.equals(other.zone);
  }

  /** By calendar month only: the same code in two zones compares equal here. */
  compareTo(other: BillingPeriod): -1 | 0 | 1 {
    return this.month < other.month ? -1 : this.month > other.month ? 1 : 0;
  }

  toString(): string {
    return this.code;
  }

  toJSON(): string {
    return this.code;
  }
}

/** A period's start is its predecessor's end: each is computed once. */
function startOfMonth(zone: TimeZone, month: number): number {
  const key = `${zone.name}|${month}`;
  let start = monthStarts.get(key);
  if (start === undefined) {
    start = startOfLocalDay(zone.name, Math.floor(month / 12), (month % 12) + 1, 1);
    if (monthStarts.size >= CACHE_LIMIT) monthStarts.clear();
    monthStarts.set(key, start);
  }
  return start;
}
