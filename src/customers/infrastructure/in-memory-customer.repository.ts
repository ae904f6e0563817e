import { PhoneNumber } from '../../shared/domain/phone-number';
import {
  CustomerListCursor,
  CustomerRecord,
  CustomerRepository,
  PlansOutside,
} from '../application/customer.repository';
import { Customer } from '../domain/customer';
import { PhoneNumberTakenError } from '../domain/customer.errors';

/** A fake for fast tests of the use cases; the contract suite keeps it honest against the real one. */
export class InMemoryCustomerRepository extends CustomerRepository {
  private readonly customers = new Map<string, Customer>();
  private readonly owners = new Map<string, string>();

  add(customer: Customer): Promise<void> {
    const taken = customer.phoneNumbers.find((number) => this.owners.has(number.e164));
    if (taken) return Promise.reject(new PhoneNumberTakenError(taken.e164));
    this.customers.set(customer.id, customer);
    for (const number of customer.phoneNumbers) this.owners.set(number.e164, customer.id);
    return Promise.resolve();
  }

  findById(id: string): Promise<Customer | null> {
    return Promise.resolve(this.customers.get(id) ?? null);
  }

  list(limit: number, after: CustomerListCursor | null): Promise<Customer[]> {
    const sorted = [...this.customers.values()].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const from = after
      ? sorted.filter(
          (customer) =>
            customer.createdAt.getTime() > after.createdAt.getTime() ||
            (customer.createdAt.getTime() === after.createdAt.getTime() && customer.id > after.id),
        )
      : sorted;
    return Promise.resolve(from.slice(0, limit));
  }

  async listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]> {
    return (await this.list(limit, after)).map((customer) => ({
      id: customer.id,
      name: customer.name,
      email: customer.email,
      timezone: customer.timezone,
      planHistory: customer.planHistory,
      billingAddress: customer.billingAddress,
      createdAt: customer.createdAt,
    }));
  }

  addPhoneNumber(customerId: string, number: PhoneNumber): Promise<void> {
    const owner = this.owners.get(number.e164);
    if (owner && owner !== customerId) return Promise.reject(new PhoneNumberTakenError(number.e164));
    this.owners.set(number.e164, customerId);
    this.customers.get(customerId)?.addPhoneNumber(number);
    return Promise.resolve();
  }

  savePlanHistory(customer: Customer): Promise<void> {
    this.customers.set(customer.id, customer);
    return Promise.resolve();
  }

  saveBillingAddress(customer: Customer): Promise<void> {
    this.customers.set(customer.id, customer);
    return Promise.resolve();
  }

  onPlansOutside(known: string[], since: string): Promise<PlansOutside> {
    const plans = new Set<string>();
    let customers = 0;
    for (const customer of this.customers.values()) {
      const outside = customer.planHistory.plansFrom(since).filter((plan) => !known.includes(plan));
      for (const plan of outside) plans.add(plan);
      if (outside.length > 0) customers += 1;
    }
    return Promise.resolve({ plans: [...plans].sort(), customers });
  }

  findByPhoneNumbers(numbers: string[]): Promise<Map<string, Customer>> {
    const found = new Map<string, Customer>();
    for (const number of numbers) {
      const owner = this.owners.get(number);
      if (owner) found.set(number, this.customers.get(owner)!);
    }
    return Promise.resolve(found);
  }
}
