import type { Money } from '../../shared/domain/money';
import type { CallRating, CallToRate } from './call-rating';
import type { DialledDestination } from './tariff';

export type InvoiceLineKind = 'usage' | 'late_usage' | 'fixed_fee' | 'overage' | 'prepaid_applied';

/** The calls of one period sharing a unit price, aggregated (the invoice never needs single calls). */
export interface UsageGroup {
  unitPrice: Money;
  minutes: number;
  callCount: number;
}

/**
 * The calls of one period sharing a rate (destination group and per-minute price), aggregated:
 * what the invoice bills from, in billed seconds.
 */
export interface RatedUsage {
  group: string;
  ratePerMinute: Money;
  /** The sum of the calls' billed seconds. */
  billedSeconds: number;
  callCount: number;
  /** The exact sum of the calls' charges (each kept to 6 decimals). */
  charge: Money;
}

/** An invoice line before rounding: `amount` is exact; the invoice rounds it half-up to the cent. */
export interface InvoiceLineDraft {
  kind: InvoiceLineKind;
  description: string;
  period: string;
  /** Lines billed from rated usage (`billPeriod`): the destination group of a usage line. */
  group?: string;
  /** Lines billed from rated usage (`billPeriod`): the seconds a usage or overage line bills. */
  billedSeconds?: number;
  /** Minutes (2 decimals at most), or 1 for a fee. */
  quantity: number;
  unitPrice: Money | null;
  amount: Money;
}

/** A plan as `GET /v1/plans` shows it: its settings, by name (see `describeTariff` for the rating ones). */
export interface PlanDescription {
  code: string;
  type: string;
  currency: string;
  [setting: string]: unknown;
}

/** A destination and the instant a call to it would start (national forms need the calling line). */
export interface DestinationAt extends DialledDestination {
  startedAt: Date;
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
   * @throws NoRateForDestinationError when the plan has no price for that destination.
   */
  ratePerMinuteFor(call: DestinationAt): Money;
  /**
   * The longest call to `destination` starting at `startedAt` that `balance` still pays in full, in
   * seconds, by that destination's rate, the billing increment and the connect fee in force then
   * (0 when the balance is zero or negative, or short of the first increment).
   * @throws NoRateForDestinationError when the plan has no price for that destination.
   */
  remainingSeconds(balance: Money, call: DestinationAt): number;
  /**
   * The catalog's `lowBalanceThreshold`, in the plan's currency: a call taking the balance from at
   * or above it to below it raises a low-balance alert (API.md, "Operations"). null: no alerts.
   */
  readonly lowBalanceThreshold: Money | null;
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

  /** The lines for the invoice's own period, from that period's usage in whole minutes (before #16). */
  abstract periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[];

  /**
   * The lines for the invoice's own period from its usage in billed seconds, grouped by rate
   * (group, ratePerMinute): what `periodLines` becomes once invoicing passes `RatedUsage` (#16).
   */
  abstract billPeriod(period: string, usage: readonly RatedUsage[]): InvoiceLineDraft[];

  /**
   * The plan's settings for `GET /v1/plans`. With `at`, dated prices show the version in force at
   * that instant and the later ones; without it, every version as configured.
   */
  abstract describe(at?: Date): PlanDescription;
}
