import type { Money } from '../../shared/domain/money';
import type { CallRating, CallToRate } from './call-rating';

export type InvoiceLineKind = 'usage' | 'late_usage' | 'fixed_fee' | 'overage' | 'prepaid_applied';

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
 * The capability of a plan whose calls are paid from the customer's prepaid balance: each call's
 * charge is drawn as the call is recorded, and the switch asks how long the balance still lasts.
 */
export interface PrepaidBalance {
  /** The balance's currency: the plan's. */
  readonly currency: string;
  /**
   * The per-minute rate a call to `destination` (null: not given) starting at `startedAt` would be
   * charged: what a balance is divided by to tell the switch the minutes it still pays for.
   */
  ratePerMinuteFor(call: Pick<CallToRate, 'destination' | 'startedAt'>): Money;
}

/**
 * The billing plan strategy: how one call is rated when it arrives, and what one closed period
 * costs beyond its calls. One class per plan type; instances are configured from the catalog.
 */
export abstract class BillingPlan {
  abstract readonly type: string;

  /** What the plan can do beyond rating: null for a plan whose calls are not prepaid. */
  readonly balance: PrepaidBalance | null = null;

  protected constructor(
    readonly code: string,
    readonly currency: string,
  ) {}

  /** Each call's charge is drawn from the customer's balance as it is recorded. */
  get drawsFromBalance(): boolean {
    return this.balance !== null;
  }

  /** Rates one call as it arrives; the charge is exact and kept with the call. */
  abstract rateCall(call: CallToRate): CallRating;

  /** The lines for the invoice's own period, from that period's usage. */
  abstract periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[];

  abstract describe(): PlanDescription;
}
