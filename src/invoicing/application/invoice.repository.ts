import type { CustomerProfile } from '../../customers';
import type { BillingPeriod } from '../../shared/domain/billing-period';
import type { BilledCallGroup } from '../domain/billed-calls';
import type { Invoice } from '../domain/invoice';
import type { AssembledInvoice } from '../domain/invoice-assembly';

export interface InvoiceTarget {
  customerId: string;
  period: BillingPeriod;
}

/** A target of issuing: the customer as the issuing code read them, for the invoice and its deliveries. */
export interface CustomerTarget extends InvoiceTarget {
  customer: CustomerProfile;
}

/** What the store found to bill for one target: its period's calls and earlier late calls. */
/** Where to look for a customer's missing invoices: everything closed before `lastClosed`. */
export interface CatchUpWindow {
  customerId: string;
  /** The customer's last closed period (YYYY-MM), issued as the run's own target. */
  lastClosed: string;
  /** The period the customer was created in: it is due every closed period from this one on. */
  firstDue: BillingPeriod;
}

export interface PeriodBilling {
  target: InvoiceTarget;
  usage: BilledCallGroup[];
  late: BilledCallGroup[];
}

export interface IssueRequest {
  targets: CustomerTarget[];
  assemble: (billing: PeriodBilling) => AssembledInvoice;
  numberFor: (sequence: number) => string;
  issuedAt: Date;
}

export interface IssueOutcome {
  created: Invoice[];
  /** Targets skipped because their invoice already existed. */
  alreadyInvoiced: InvoiceTarget[];
}

/** Port: issued invoices. At most one per customer and period, numbered without gaps. */
export abstract class InvoiceRepository {
  /**
   * One transaction, under each period's invoicing lock: skips targets already invoiced, reads the
   * rest's calls set-wise, assembles, numbers and stores the invoices, and credits prepaid ledgers.
   * At most one target per customer (late calls go to the oldest invoice issued after them).
   */
  abstract issue(request: IssueRequest): Promise<IssueOutcome>;
  /**
   * The customer's lock group: issues whose targets are in different groups do not wait on each
   * other's period locks (only briefly on the number counter, taken last), so concurrent issuers
   * should batch targets by group.
   */
  abstract lockGroupOf(customerId: string): number;
  abstract findById(id: string): Promise<Invoice | null>;
  abstract findByCustomerAndPeriod(customerId: string, period: string): Promise<Invoice | null>;
  /** Newest period first, strictly after the cursor. */
  abstract listByCustomer(
    customerId: string,
    limit: number,
    after: { period: string; id: string } | null,
  ): Promise<Invoice[]>;
  /**
   * Of each customer, the closed periods before its last closed one that it is due an invoice for
   * (it existed before the period ended, or has calls in it) and has none: oldest first, set-wise.
   */
  abstract missingEarlierPeriods(windows: CatchUpWindow[]): Promise<Map<string, string[]>>;
  /** Of these targets, the customers that have calls in the target period. */
  abstract customersWithCalls(targets: InvoiceTarget[]): Promise<Set<string>>;
  /** The open period's calls so far, and late calls not yet billed: for the upcoming preview. */
  abstract unbilledUsage(target: InvoiceTarget): Promise<PeriodBilling>;
}
