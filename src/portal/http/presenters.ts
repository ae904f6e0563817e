import { DEFAULT_RATE_GROUP, type BillingPlan } from '../../billing-plans';
import type { CallView } from '../../calls';
import type { Invoice, InvoiceLine } from '../../invoicing';
import type { BalanceView } from '../../prepaid';
import { BillingPeriod } from '../../shared/domain/billing-period';
import type { ExpectedInvoice } from '../domain/invoice-schedule';
import { dateTime, longDate, minutes, money, periodName } from './view-format';

/** What the pages show, already written out as text: the templates only place it (and escape it). */

export interface InvoiceRow {
  href: string;
  number: string;
  period: string;
  issued: string;
  total: string;
}

export function invoiceRow(invoice: Invoice): InvoiceRow {
  const zone = invoice.period.zone.name;
  return {
    href: `/portal/invoices/${invoice.id}`,
    number: invoice.number ?? '',
    period: periodName(invoice.period),
    issued: invoice.issuedAt ? longDate(invoice.issuedAt, zone) : '',
    total: money(invoice.total.toJSON()),
  };
}

export interface LineRow {
  description: string;
  period: string | null;
  quantity: string;
  unitPrice: string;
  amount: string;
}

/** A line; the period is named only on a line that bills another period than the invoice's (late calls). */
export function lineRow(line: InvoiceLine, invoice: Invoice): LineRow {
  return {
    description: line.description,
    period:
      line.period === invoice.period.code
        ? null
        : periodName(BillingPeriod.parse(line.period, invoice.period.zone)),
    quantity: String(line.quantity),
    unitPrice: line.unitPrice ? money(line.unitPrice.toJSON()) : '',
    amount: money(line.amount.toJSON()),
  };
}

export interface CallRow {
  startedAt: string;
  line: string;
  destination: string;
  group: string | null;
  duration: string;
  charge: string;
}

/** The destination group the call was rated in (`default`: the plan's own rate). */
export function destinationGroupOf(call: CallView): string {
  return call.rate.group;
}

export function callRow(call: CallView, zone: string): CallRow {
  return {
    startedAt: dateTime(new Date(call.startedAt), zone),
    line: call.phoneNumber,
    destination: call.destination ?? '',
    // The plan's own rate names no destination: the page shows the column only for decks' groups.
    group: call.rate.group === DEFAULT_RATE_GROUP ? null : call.rate.group,
    duration: minutes(call.minutes),
    charge: money(call.charge),
  };
}

/** "0.02 USD a minute", "$20.00 a month, unlimited minutes": the plan in a line, from its settings. */
export function planSummary(plan: BillingPlan): string {
  const settings = plan.describe();
  const amount = (key: string) =>
    typeof settings[key] === 'string' ? money({ amount: settings[key], currency: plan.currency }) : null;
  const fee = amount('monthlyFee');
  if (fee) {
    const included = settings.includedMinutes;
    const overage = amount('overageRatePerMinute');
    if (typeof included !== 'number') return `${fee} a month, unlimited minutes`;
    return `${fee} a month, ${included} minutes included${overage ? `, then ${overage} a minute` : ''}`;
  }
  const rate = amount('ratePerMinute');
  const perMinute = rate ? `${rate} a minute` : 'charged per call';
  return plan.drawsFromBalance ? `${perMinute}, paid from your prepaid balance` : perMinute;
}

export function balanceText(balance: BalanceView): { balance: string; remaining: string } {
  return {
    balance: money(balance.balance.toJSON()),
    remaining: `${balance.remainingMinutes} ${balance.remainingMinutes === 1 ? 'minute' : 'minutes'}`,
  };
}

/** "Your first invoice arrives on 1 November 2026." and its like. */
export function expectationText(expected: ExpectedInvoice, first: boolean): string {
  const which = first ? 'Your first invoice' : 'Your next invoice';
  const period = periodName(expected.period);
  if (!expected.arrivesAt) return `${which}, for ${period}, is on its way.`;
  return `${which}, for ${period}, arrives on ${longDate(expected.arrivesAt, expected.period.zone.name)}.`;
}

export function periodOption(period: BillingPeriod, selected: BillingPeriod) {
  return { code: period.code, name: periodName(period), selected: period.equals(selected) };
}
