import type { Customer, CustomerProps } from '../domain/customer';
import type { Line } from '../domain/line';
import type { PhoneNumber } from '../../shared/domain/phone-number';

/** A customer as stored, without its phone lines: what paging through every customer needs. */
export type CustomerRecord = Omit<CustomerProps, 'lines'>;

/** A line with its customer (without the customer's lines). */
export interface OwnedLine extends Line {
  owner: CustomerRecord;
}

export interface CustomerListCursor {
  createdAt: Date;
  id: string;
}

/** Customers on plans outside a list (see `CustomerRepository.onPlansOutside`). */
export interface PlansOutside {
  /** The plan codes, sorted. */
  plans: string[];
  /** Distinct customers on any of them. */
  customers: number;
}

/**
 * Port: where customers and their phone lines are kept. A number has at most one line at any
 * instant (line ranges of one number never overlap, whatever the races).
 */
export abstract class CustomerRepository {
  /**
   * Stores a new customer and its lines (since always) together, in the current unit of work if one
   * runs; throws PhoneNumberTakenError when a line of one of them exists, storing nothing.
   */
  abstract add(customer: Customer): Promise<void>;
  abstract findById(id: string): Promise<Customer | null>;
  /** Oldest first, after the cursor. */
  abstract list(limit: number, after: CustomerListCursor | null): Promise<Customer[]>;
  /** Like list, without gathering each customer's phone numbers. */
  abstract listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]>;
  /**
   * Adds a line `[from, ∞)` (`from` null: since always) of the number to the customer; false (nothing
   * stored) when any line of the number overlaps that range. CustomerNotFoundError when there is no
   * such customer. `now` is when it was added.
   */
  abstract addLine(customerId: string, number: PhoneNumber, from: Date | null, now: Date): Promise<boolean>;
  /** Every line of the number (E.164), any customer's, oldest first. */
  abstract linesOfNumber(number: string): Promise<Line[]>;
  /** Ends the customer's open line of the number at `at`; false when it has none (nothing changes). */
  abstract releaseLine(customerId: string, number: string, at: Date): Promise<boolean>;
  abstract savePlanHistory(customer: Customer): Promise<void>;
  abstract saveBillingAddress(customer: Customer): Promise<void>;
  /**
   * The plans, not in `known`, that some customer is on during `since` or a later period (its
   * plan then, or a pending change), and how many customers that concerns.
   */
  abstract onPlansOutside(known: string[], since: string): Promise<PlansOutside>;
  /** Every line of these numbers (E.164), past and present, with its owner; in one statement. */
  abstract findLinesOf(numbers: string[]): Promise<OwnedLine[]>;
}
