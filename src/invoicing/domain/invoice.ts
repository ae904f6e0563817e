import type { BillingPeriod } from '../../shared/domain/billing-period';
import type { InvoiceLineDraft } from '../../billing-plans';
import type { Money } from '../../shared/domain/money';

/** A line as issued: the plan's draft with its amount rounded half-up (away from zero) to the cent. */
export type InvoiceLine = InvoiceLineDraft;

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
  /** The own period's calls' billed seconds. */
  billedSeconds: number;
  lines: InvoiceLine[];
  total: Money;
}
