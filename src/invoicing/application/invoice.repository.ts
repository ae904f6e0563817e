import type { CustomerProfile } from '../../customers';
import type { BillingPeriod } from '../../shared/domain/billing-period';
import type { IssuedPeriod } from '../domain/call-period-repair';
import type { Invoice } from '../domain/invoice';

export interface InvoiceTarget {
  customerId: string;
  period: BillingPeriod;
}

/** A target of issuing: the customer as the issuing code read them, for the invoice and its deliveries. */
export interface CustomerTarget extends InvoiceTarget {
  customer: CustomerProfile;
}

/** A customer's closed periods from `from` (inclusive) to `until` (exclusive): `months` of them. */
export interface InvoicedRange {
  customerId: string;
  from: string;
  until: string;
  months: number;
}

/**
 * Port: issued invoices and the gapless number counter. At most one invoice per customer and
 * period. Each method is one step, joining the current unit of work.
 */
export abstract class InvoiceRepository {
  /**
   * Of these targets (at most one per customer), the customers whose invoice for the target's
   * period exists: probed one by one on the unique key, whatever the table's statistics say.
   */
  abstract invoicedAmong(targets: InvoiceTarget[]): Promise<Set<string>>;
  /**
   * Takes `count` consecutive numbers from the counter and answers the first. The counter row stays
   * locked until the unit of work ends, serialising issuers from here on: take it last.
   */
  abstract takeSequenceNumbers(count: number): Promise<number>;
  /** Stores issued invoices, numbered `firstSequence`, `firstSequence + 1`, ... in order. */
  abstract store(invoices: Invoice[], firstSequence: number): Promise<void>;
  abstract findById(id: string): Promise<Invoice | null>;
  abstract findByCustomerAndPeriod(customerId: string, period: string): Promise<Invoice | null>;
  /** Newest period first, strictly after the cursor. */
  abstract listByCustomer(
    customerId: string,
    limit: number,
    after: { period: string; id: string } | null,
  ): Promise<Invoice[]>;
  /** Of these customers, those with fewer invoices in their range than the range has months. */
  abstract customersMissingInvoices(ranges: InvoicedRange[]): Promise<Set<string>>;
  /** The periods each of these customers has an invoice for. */
  abstract invoicedPeriodsOf(customerIds: string[]): Promise<Map<string, Set<string>>>;
  /** Each customer's issued invoices, as issued (their stored bounds): for the period repair. */
  abstract issuedPeriodsOf(customerIds: string[]): Promise<Map<string, IssuedPeriod[]>>;
}
