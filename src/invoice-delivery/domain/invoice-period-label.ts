import { DateTime } from 'luxon';
import type { BillingPeriod } from '../../shared/domain/billing-period';

export interface PeriodLabel {
  /** "October 2026" */
  name: string;
  /** "2026-10-01" and "2026-10-31": the first and last calendar day in the customer's time zone. */
  firstDay: string;
  lastDay: string;
  zone: string;
}

/** How an invoice's period reads to its customer: calendar days on their own wall clock. */
export function periodLabel(period: BillingPeriod): PeriodLabel {
  const zone = period.zone.name;
  const first = DateTime.fromJSDate(period.start, { zone }).setLocale('en');
  // The wall date of the period's last instant: no calendar arithmetic, so a clock change at
  // midnight cannot move the day.
  const last = DateTime.fromJSDate(new Date(period.end.getTime() - 1), { zone });
  return {
    name: first.toFormat('LLLL yyyy'),
    firstDay: first.toISODate()!,
    lastDay: last.toISODate()!,
    zone,
  };
}

/** "2026-11-01 00:05 (Europe/Lisbon)": an instant as the customer's wall clock shows it. */
export function localDateTime(instant: Date, zone: string): string {
  return `${DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
}
