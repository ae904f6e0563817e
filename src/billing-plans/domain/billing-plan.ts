import type { Money } from '../../shared/domain/money';

export type InvoiceLineKind = 'usage' | 'late_usage' | 'fixed_fee' | 'overage' | 'prepaid_applied';

/** What a plan charges for one call, fixed when the call is recorded. */
export interface CallRating {
  unitPrice: Money;
  charge: Money;
}

/** The calls of one period sharing a unit price, aggregated (the invoice never needs single calls). */
export interface UsageGroup {
  unitPrice: Money;
  minutes: number;
  callCount: number;
}

/** An invoice line before rounding: `amount` is exact; the invoice rounds it half-up to the cent. */
export interface InvoiceLineDraft {
  kind: InvoiceLineKind;
  description: string;
  period: string;
  quantity: number;
  unitPrice: Money | null;
  amount: Money;
}

export interface PlanDescription {
  code: string;
  type: string;
  currency: string;
  [setting: string]: string | number | null;
}

/**
 * The billing plan strategy: how one call is rated when it arrives, and what one closed period
 * costs beyond its calls. One class per plan type; instances are configured from the catalog.
 */
export abstract class BillingPlan {
  abstract readonly type: string;

  protected constructor(
    readonly code: string,
    readonly currency: string,
  ) {}

  /** Prepaid plans draw each call's charge from the customer's balance as it is recorded. */
  get drawsFromBalance(): boolean {
    return false;
  }

  abstract rateCall(minutes: number): CallRating;

  /** The lines for the invoice's own period, from that period's usage. */
  abstract periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[];

  abstract describe(): PlanDescription;
}
