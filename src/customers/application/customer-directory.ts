import { Injectable } from '@nestjs/common';
import type { TimeZone } from '../../shared/domain/time-zone';
import type { StoredBillingAddress } from '../domain/billing-address';
import { Customer } from '../domain/customer';
import { CustomerNotFoundError } from '../domain/customer.errors';
import { CustomerRecord, CustomerRepository } from './customer.repository';

/** What other modules may know of a customer. */
export interface CustomerProfile {
  id: string;
  name: string;
  email: string | null;
  timezone: TimeZone;
  /** For invoices: null when the operator gave none. */
  billingAddress: StoredBillingAddress | null;
  createdAt: Date;
  /** The plan code in force during a period (YYYY-MM in the customer's time zone). */
  planDuring(period: string): string;
}

/** The customers module's public read side, for the calls and invoicing modules. */
@Injectable()
export class CustomerDirectory {
  constructor(private readonly customers: CustomerRepository) {}

  async get(customerId: string): Promise<CustomerProfile> {
    const customer = await this.customers.findById(customerId);
    if (!customer) throw new CustomerNotFoundError(customerId);
    return toProfile(customer);
  }

  /** Every customer, in a stable order (oldest first), a page at a time: for the monthly run. */
  async listPage(limit: number, after: CustomerProfile | null): Promise<CustomerProfile[]> {
    const customers = await this.customers.listRecords(
      limit,
      after ? { createdAt: after.createdAt, id: after.id } : null,
    );
    return customers.map(toProfile);
  }

  async findOwnersOf(numbers: string[]): Promise<Map<string, CustomerProfile>> {
    const owners = await this.customers.findByPhoneNumbers(numbers);
    return new Map([...owners].map(([number, customer]) => [number, toProfile(customer)]));
  }
}

function toProfile(customer: Customer | CustomerRecord): CustomerProfile {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    timezone: customer.timezone,
    billingAddress: customer.billingAddress?.fields ?? null,
    createdAt: customer.createdAt,
    planDuring: (period) => customer.planHistory.inForceDuring(period),
  };
}
