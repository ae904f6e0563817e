import type { BillingPeriod } from '../../shared/domain/billing-period';
import type { Money } from '../../shared/domain/money';
import type { InvoiceLineKind } from './invoice-line';

export interface InvoiceLine {
  kind: InvoiceLineKind;
  description: string;
  period: string;
  quantity: number;
  unitPrice: Money | null;
  /** Rounded half-up (away from zero) to the cent. */
  amount: Money;
}

export type InvoiceStatus = 'issued' | 'upcoming';

/** An invoice for one customer and one period. Issued invoices never change. */
export interface Invoice {
  id: string | null;
  number: string | null;
  customerId: string;
  period: BillingPeriod;
  plan: string;
  status: InvoiceStatus;
  issuedAt: Date | null;
  /** The invoice's own period only (late calls are not counted). */
  callCount: number;
  minutes: number;
  lines: InvoiceLine[];
  total: Money;
}
