import { PhoneNumber } from '../../shared/domain/phone-number';
import {
  CustomerListCursor,
  CustomerRecord,
  CustomerRepository,
  PlansOutside,
} from '../application/customer.repository';
import { Customer } from '../domain/customer';
import { CustomerNotFoundError, PhoneNumberTakenError } from '../domain/customer.errors';

interface StoredLine {
  number: string;
  customerId: string;
  addedAt: Date;
}

/**
 * A fake for fast tests of the use cases; the contract suite keeps it honest against the real one.
 * It keeps copies, as a database does: a customer read back is a new object, and changing it
 * changes nothing stored until it is saved.
 */
export class InMemoryCustomerRepository extends CustomerRepository {
  private readonly records = new Map<string, CustomerRecord>();
  private readonly lines = new Map<string, StoredLine>();

  add(customer: Customer): Promise<void> {
    const taken = customer.phoneNumbers.find((number) => this.lines.has(number.e164));
    if (taken) return Promise.reject(new PhoneNumberTakenError(taken.e164));
    this.records.set(customer.id, toRecord(customer));
    for (const number of customer.phoneNumbers) {
      this.lines.set(number.e164, {
        number: number.e164,
        customerId: customer.id,
        addedAt: customer.createdAt,
      });
    }
    return Promise.resolve();
  }

  findById(id: string): Promise<Customer | null> {
    const record = this.records.get(id);
    return Promise.resolve(record ? this.withLines(record) : null);
  }

  async list(limit: number, after: CustomerListCursor | null): Promise<Customer[]> {
    return (await this.listRecords(limit, after)).map((record) => this.withLines(record));
  }

  listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]> {
    const sorted = [...this.records.values()].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const from = after
      ? sorted.filter(
          (record) =>
            record.createdAt.getTime() > after.createdAt.getTime() ||
            (record.createdAt.getTime() === after.createdAt.getTime() && record.id > after.id),
        )
      : sorted;
    return Promise.resolve(from.slice(0, limit).map((record) => ({ ...record })));
  }

  addPhoneNumber(customerId: string, number: PhoneNumber, now: Date): Promise<void> {
    if (!this.records.has(customerId)) return Promise.reject(new CustomerNotFoundError(customerId));
    const line = this.lines.get(number.e164);
    if (line && line.customerId !== customerId) return Promise.reject(new PhoneNumberTakenError(number.e164));
    if (!line) this.lines.set(number.e164, { number: number.e164, customerId, addedAt: now });
    return Promise.resolve();
  }

  savePlanHistory(customer: Customer): Promise<void> {
    const record = this.records.get(customer.id);
    if (record) this.records.set(customer.id, { ...record, planHistory: customer.planHistory });
    return Promise.resolve();
  }

  onPlansOutside(known: string[], since: string): Promise<PlansOutside> {
    const plans = new Set<string>();
    let customers = 0;
    for (const record of this.records.values()) {
      const outside = record.planHistory.plansFrom(since).filter((plan) => !known.includes(plan));
      for (const plan of outside) plans.add(plan);
      if (outside.length > 0) customers += 1;
    }
    return Promise.resolve({ plans: [...plans].sort(), customers });
  }

  findByPhoneNumbers(numbers: string[]): Promise<Map<string, CustomerRecord>> {
    const found = new Map<string, CustomerRecord>();
    for (const number of numbers) {
      const line = this.lines.get(number);
      if (line) found.set(number, { ...this.records.get(line.customerId)! });
    }
    return Promise.resolve(found);
  }

  /** The customer with its numbers, oldest first (ties by number), as the real one reads them. */
  private withLines(record: CustomerRecord): Customer {
    const numbers = [...this.lines.values()]
      .filter((line) => line.customerId === record.id)
      .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || (a.number < b.number ? -1 : 1))
      .map((line) => PhoneNumber.fromStored(line.number));
    return Customer.fromStored({ ...record, phoneNumbers: numbers });
  }
}

function toRecord(customer: Customer): CustomerRecord {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    timezone: customer.timezone,
    planHistory: customer.planHistory,
    createdAt: customer.createdAt,
  };
}
