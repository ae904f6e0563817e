import { BillingPeriod } from '../../shared/domain/billing-period';
import { instant } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import type { BilledCallGroup } from '../domain/billed-calls';
import type { Invoice, InvoiceLine } from '../domain/invoice';
import type { InvoiceLineKind } from '../../billing-plans';

export interface InvoiceRow {
  id: string;
  number: string;
  customer_id: string;
  period: string;
  timezone: string;
  plan: string;
  issued_at: string | Date;
  call_count: number;
  minutes: string | number;
  lines: StoredLine[];
  total: string;
  currency: string;
}

export interface StoredLine {
  kind: InvoiceLineKind;
  description: string;
  period: string;
  quantity: number;
  unitPrice: string | null;
  amount: string;
}

export interface CallGroupRow {
  customer_id: string;
  period: string;
  unit_price: string;
  currency: string;
  minutes: string | number;
  call_count: string | number;
  charge: string;
  covered: string | null;
}

export function toInvoice(row: InvoiceRow): Invoice {
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
    quantity: line.quantity,
    unitPrice: line.unitPrice?.toString() ?? null,
    amount: line.amount.toString(),
  }));
}

export function toCallGroup(row: CallGroupRow): BilledCallGroup {
  return {
    period: row.period,
    unitPrice: Money.of(row.unit_price, row.currency),
    minutes: Number(row.minutes),
    callCount: Number(row.call_count),
    charge: Money.of(row.charge, row.currency),
    covered: row.covered === null ? null : Money.of(row.covered, row.currency),
  };
}
