import { Injectable } from '@nestjs/common';
import type { TimeZone } from '../../shared/domain/time-zone';
import type { StoredBillingAddress } from '../domain/billing-address';
import { Customer } from '../domain/customer';
import { CustomerNotFoundError } from '../domain/customer.errors';
import { ownerAt } from '../domain/line';
import { CustomerRecord, CustomerRepository, OwnedLine } from './customer.repository';

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

  /** The line history of these numbers (E.164), read in one statement, to ask who held each when. */
  async findOwnersOf(numbers: string[]): Promise<LineOwners> {
    return new LineOwners(await this.customers.findLinesOf(numbers));
  }
}

/** Who held a number at an instant: the one place that decides whom a call is charged to. */
export class LineOwners {
  private readonly linesByNumber = new Map<string, OwnedLine[]>();
  private readonly profiles = new Map<string, CustomerProfile>();

  constructor(lines: OwnedLine[]) {
    for (const line of lines) {
      const ofNumber = this.linesByNumber.get(line.number);
      if (ofNumber) ofNumber.push(line);
      else this.linesByNumber.set(line.number, [line]);
    }
  }

  /** The customer whose line of `number` contained `startedAt` (`from <= startedAt < until`); null: none. */
  at(number: string, startedAt: Date): CustomerProfile | null {
    const line = ownerAt(this.linesByNumber.get(number) ?? [], startedAt);
    if (!line) return null;
    let profile = this.profiles.get(line.owner.id);
    if (!profile) {
      profile = toProfile(line.owner);
      this.profiles.set(line.owner.id, profile);
    }
    return profile;
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
