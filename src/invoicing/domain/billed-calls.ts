import type { Money } from '../../shared/domain/money';

/** The calls billed on one invoice, aggregated per period and unit price (never one row per call). */
export interface BilledCallGroup {
  period: string;
  unitPrice: Money;
  minutes: number;
  callCount: number;
  charge: Money;
  /** Sum of what prepaid balances covered; null when these calls were not prepaid. */
  covered: Money | null;
}
