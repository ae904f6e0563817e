import type { InvoiceLineKind } from '../../billing-plans';

/** An invoice line as `invoices.lines` (jsonb) stores it: amounts as exact decimal strings. */
export interface StoredLine {
  kind: InvoiceLineKind;
  description: string;
  period: string;
  /** Usage and late-usage lines issued since #16: the destination group. */
  group?: string;
  /** Usage, late-usage and overage lines issued since #16: the seconds billed. */
  billedSeconds?: number;
  /** Minutes (2 decimals at most since #16), or 1 for a fee. */
  quantity: number;
  unitPrice: string | null;
  amount: string;
}
