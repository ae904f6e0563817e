import { BillingPeriod } from '../../shared/domain/billing-period';
import { utcOffsetAt } from '../../shared/domain/local-time';
import type { TimeZone } from '../../shared/domain/time-zone';
import type { IssuedPeriod } from './call-period-repair';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Wider than any error of the old bounds (at most a clock change, or a start's time of day). */
const REACH = 2 * DAY;
const SAMPLE_EVERY = 6 * HOUR;

/** A stretch of time inside one period: the calls started in it belong to `period`. */
export interface RepairWindow {
  start: Date;
  end: Date;
  period: string;
}

/**
 * The periods (by code) whose start the old code may have put elsewhere in `zone`: where the
 * offset changes within two days of the start (a guessed offset was wrong), or of the previous
 * period's start (its end was "that start plus a month", off by the start's time of day). Periods
 * from 1970-01 to `last`. Zones without such changes (UTC, most of the tropics) have none.
 */
export function periodsWithMovedStarts(zone: TimeZone, last: BillingPeriod): string[] {
  const codes: string[] = [];
  let nearChangeBefore = false;
  for (let period = BillingPeriod.first(zone); period.compareTo(last) <= 0; period = period.next()) {
    const nearChange = offsetChangesNear(zone, period.start.getTime());
    if (nearChange || nearChangeBefore) codes.push(period.code);
    nearChangeBefore = nearChange;
  }
  return codes;
}

/** Periods whose start or end as issued differs from BillingPeriod's (a tz database update, or the old code). */
export function periodsWithMovedBounds(zone: TimeZone, invoices: readonly IssuedPeriod[]): string[] {
  const codes: string[] = [];
  for (const invoice of invoices) {
    const period = BillingPeriod.parse(invoice.period, zone);
    if (invoice.start.getTime() !== period.start.getTime()) codes.push(period.code);
    if (invoice.end.getTime() !== period.end.getTime()) codes.push(period.next().code);
  }
  return codes;
}

/**
 * Two days either side of each listed period's start, split at the start: the calls that may
 * carry a wrong period, each window naming the right one.
 */
export function windowsAroundStarts(zone: TimeZone, codes: Iterable<string>): RepairWindow[] {
  const windows: RepairWindow[] = [];
  for (const code of [...new Set(codes)].sort()) {
    const period = BillingPeriod.parse(code, zone);
    const start = period.start.getTime();
    if (period.code !== BillingPeriod.FIRST_CODE) {
      windows.push({ start: new Date(start - REACH), end: period.start, period: period.previous().code });
    }
    windows.push({ start: period.start, end: new Date(start + REACH), period: period.code });
  }
  return windows;
}

function offsetChangesNear(zone: TimeZone, instant: number): boolean {
  const first = utcOffsetAt(zone.name, instant - REACH);
  for (let at = instant - REACH + SAMPLE_EVERY; at <= instant + REACH; at += SAMPLE_EVERY) {
    if (utcOffsetAt(zone.name, at) !== first) return true;
  }
  return false;
}
