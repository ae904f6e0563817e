import type { InvoiceLineKind } from '../../billing-plans';

/** An invoice line as `invoices.lines` (jsonb) stores it: amounts as exact decimal strings. */
export interface StoredLine {
  kind: InvoiceLineKind;
  description: string;
  period: string;
  quantity: number;
  unitPrice: string | null;
  amount: string;
}
