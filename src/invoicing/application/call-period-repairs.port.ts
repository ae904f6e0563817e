import type { CallPeriodChange, IssuedPeriod, StoredCallPeriod } from '../domain/call-period-repair';
import type { RepairWindow } from '../domain/period-repair-windows';

/** Windows to look in, for each of these customers (the customers of one zone, or one customer). */
export interface WindowGroup {
  customerIds: string[];
  windows: RepairWindow[];
}

/** A stored call found in a window, with the period BillingPeriod gives it (the window's). */
export interface FoundCall {
  call: StoredCallPeriod;
  correctPeriod: string;
}

export type DecideRepairs = (
  found: FoundCall[],
  invoicesByCustomer: Map<string, IssuedPeriod[]>,
) => CallPeriodChange[];

/** Port: the calls a period repair looks at, and the invoices that decide what it may change. */
export abstract class CallPeriodRepairs {
  /** Each customer's issued invoices, as issued (their stored bounds). */
  abstract issuedPeriodsOf(customerIds: string[]): Promise<Map<string, IssuedPeriod[]>>;
  /**
   * Finds the calls started in the windows and, in transactions that hold the invoicing locks of
   * their correct periods (so no invoice for them is issued meanwhile), re-reads them (row-locked)
   * and their customers' invoices, asks `decide`, and stores its changes unless `dryRun`.
   * Returns the changes decided.
   */
  abstract repairIn(
    groups: WindowGroup[],
    decide: DecideRepairs,
    dryRun: boolean,
  ): Promise<CallPeriodChange[]>;
}
