import { BillingPeriod } from '../../shared/domain/billing-period';
import type { TimeZone } from '../../shared/domain/time-zone';

/**
 * What the portal tells a customer about their next invoice. Invoices are issued when a period
 * closes: the first hour of the 1st of the month, in the customer's time zone (API.md, Invoicing).
 */
export interface ExpectedInvoice {
  /** The period the invoice bills. */
  period: BillingPeriod;
  /** When it arrives (the period's end); null when its period has closed and it is being issued. */
  arrivesAt: Date | null;
}

/** The next invoice of a customer: the open period's, at its end. */
export function nextInvoiceAt(now: Date, zone: TimeZone): ExpectedInvoice {
  const open = BillingPeriod.containing(now, zone);
  return { period: open, arrivesAt: open.end };
}

/**
 * The first invoice of a customer who has none yet. A customer created before the open period
 * began is due the last closed period's invoice, which the monthly run is issuing; anyone else
 * gets the open period's, when it closes.
 */
export function firstInvoiceAt(now: Date, zone: TimeZone, customerCreatedAt: Date): ExpectedInvoice {
  const open = BillingPeriod.containing(now, zone);
  if (customerCreatedAt.getTime() < open.start.getTime()) return { period: open.previous(), arrivesAt: null };
  return { period: open, arrivesAt: open.end };
}

/**
 * The periods the calls page offers, newest first: the open one back to the one the customer was
 * created in, and at least `atLeast` of them (calls migrated from an older system may predate the
 * customer), at most `atMost`. Any other period stays reachable by URL (`?period=`).
 */
export function periodChoices(
  now: Date,
  zone: TimeZone,
  customerCreatedAt: Date,
  { atLeast, atMost }: { atLeast: number; atMost: number } = { atLeast: 12, atMost: 24 },
): BillingPeriod[] {
  const created = BillingPeriod.containing(
    new Date(Math.min(customerCreatedAt.getTime(), now.getTime())),
    zone,
  );
  const choices: BillingPeriod[] = [];
  for (
    let period = BillingPeriod.containing(now, zone);
    choices.length < atMost;
    period = period.previous()
  ) {
    if (choices.length >= atLeast && period.compareTo(created) < 0) break;
    choices.push(period);
    if (period.code === BillingPeriod.FIRST_CODE) break;
  }
  return choices;
}
