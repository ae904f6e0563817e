import type { BillingPeriod } from '../../shared/domain/billing-period';
import type { Money } from '../../shared/domain/money';

/** One customer's billing period, whose calls an invoice bills. */
export interface BillingTarget {
  customerId: string;
  period: BillingPeriod;
}

/**
 * Calls summed per period and rate (destination group, per-minute rate): what an invoice bills,
 * never one row per call.
 */
export interface CallCharges {
  period: string;
  group: string;
  ratePerMinute: Money;
  /** The sum of the calls' `minutes` (ceil(durationSeconds / 60) each). */
  minutes: number;
  /** The sum of the calls' billed seconds. */
  billedSeconds: number;
  callCount: number;
  charge: Money;
  /** What prepaid balances covered of them; null when these calls were not prepaid. */
  covered: Money | null;
}

/** An invoice about to be issued, claiming the customer's unbilled late calls of periods before its own. */
export interface LateCallClaim {
  customerId: string;
  period: string;
  invoiceId: string;
}

/** A customer and an instant: its calls started before it. */
export interface CallsBefore {
  customerId: string;
  before: Date;
}

/**
 * Port (the calls module's, for invoicing): the calls table as billing reads and claims it, each
 * method one set-wise statement that joins the current unit of work. Keyed by customer: at most one
 * target or claim per customer in one call.
 */
export abstract class BillableCalls {
  /**
   * Each target's calls of its period that are not late, summed per period and rate: an
   * index-only read of the history index. Customers without such calls are absent.
   */
  abstract usageOf(targets: BillingTarget[]): Promise<Map<string, CallCharges[]>>;
  /**
   * Marks each customer's unbilled late calls of periods before the claim's as billed by the claim's
   * invoice, and answers them summed per period and rate. Customers without any are absent.
   */
  abstract claimLateCalls(claims: LateCallClaim[]): Promise<Map<string, CallCharges[]>>;
  /** The customer's unbilled late calls of periods before `period`, summed: what its next invoice claims. */
  abstract unbilledLateCalls(customerId: string, period: string): Promise<CallCharges[]>;
  /** Of these targets, the customers that have calls in the target's period. */
  abstract customersWithCallsIn(targets: BillingTarget[]): Promise<Set<string>>;
  /** Of these customers, those with a call started before the instant given for them. */
  abstract customersWithCallsBefore(windows: CallsBefore[]): Promise<Set<string>>;
  /**
   * The distinct periods of each customer's calls started before the instant given (a loose index
   * scan: one step per period, not per call). Customers without such calls are absent.
   */
  abstract periodsOfCallsBefore(windows: CallsBefore[]): Promise<Map<string, string[]>>;
}
