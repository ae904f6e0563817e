import { BillingPeriod } from '../../shared/domain/billing-period';
import { instant } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import type { Invoice, InvoiceLine } from '../domain/invoice';
import type { InvoiceRow } from './invoicing.tables';
import type { StoredLine } from './stored-line';

/** The columns an invoice is read back from. */
export const INVOICE_COLUMNS = [
  'id',
  'number',
  'customer_id',
  'period',
  'timezone',
  'plan',
  'issued_at',
  'call_count',
  'minutes',
  'billed_seconds',
  'lines',
  'total',
  'currency',
] as const;

export function toInvoice(row: Pick<InvoiceRow, (typeof INVOICE_COLUMNS)[number]>): Invoice {
  const money = (amount: string) => Money.of(amount, row.currency);
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    period: BillingPeriod.parse(row.period, TimeZone.of(row.timezone)),
    plan: row.plan,
    status: 'issued',
    issuedAt: instant(row.issued_at),
    callCount: Number(row.call_count),
    minutes: Number(row.minutes),
    billedSeconds: Number(row.billed_seconds),
    lines: row.lines.map((line) => ({
      ...line,
      unitPrice: line.unitPrice === null ? null : money(line.unitPrice),
      amount: money(line.amount),
    })),
    total: money(row.total),
  };
}

export function toStoredLines(lines: InvoiceLine[]): StoredLine[] {
  return lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    period: line.period,
    ...(line.group === undefined ? {} : { group: line.group }),
    ...(line.billedSeconds === undefined ? {} : { billedSeconds: line.billedSeconds }),
    quantity: line.quantity,
    unitPrice: line.unitPrice?.toString() ?? null,
    amount: line.amount.toString(),
  }));
}
