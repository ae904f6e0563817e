import type { Customer, CustomerProps } from '../domain/customer';
import type { PhoneNumber } from '../../shared/domain/phone-number';

/** A customer as stored, without its phone lines: what paging through every customer needs. */
export type CustomerRecord = Omit<CustomerProps, 'phoneNumbers'>;

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

/** Port: where customers and their phone lines are kept. One number belongs to one customer. */
export abstract class CustomerRepository {
  /** Stores a new customer and its numbers together; throws PhoneNumberTakenError, storing nothing. */
  abstract add(customer: Customer): Promise<void>;
  abstract findById(id: string): Promise<Customer | null>;
  /** Oldest first, after the cursor. */
  abstract list(limit: number, after: CustomerListCursor | null): Promise<Customer[]>;
  /** Like list, without gathering each customer's phone numbers. */
  abstract listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]>;
  /** Adds a number to the customer; throws PhoneNumberTakenError when another customer has it. */
  abstract addPhoneNumber(customerId: string, number: PhoneNumber, now: Date): Promise<void>;
  abstract savePlanHistory(customer: Customer): Promise<void>;
  abstract saveBillingAddress(customer: Customer): Promise<void>;
  /**
   * The plans, not in `known`, that some customer is on during `since` or a later period (its
   * plan then, or a pending change), and how many customers that concerns.
   */
  abstract onPlansOutside(known: string[], since: string): Promise<PlansOutside>;
  /** The owners of these numbers, by number; unknown numbers are absent. */
  abstract findByPhoneNumbers(numbers: string[]): Promise<Map<string, Customer>>;
}
