import { PhoneNumber } from '../../shared/domain/phone-number';
import {
  CustomerListCursor,
  CustomerRecord,
  CustomerRepository,
  OwnedLine,
  PlansOutside,
} from '../application/customer.repository';
import { Customer } from '../domain/customer';
import { CustomerNotFoundError, PhoneNumberTakenError } from '../domain/customer.errors';
import { type Line, overlaps } from '../domain/line';

interface StoredLine extends Line {
  addedAt: Date;
}

/**
 * A fake for fast tests of the use cases; the contract suite keeps it honest against the real one.
 * It keeps copies, as a database does: a customer read back is a new object, and changing it
 * changes nothing stored until it is saved.
 */
export class InMemoryCustomerRepository extends CustomerRepository {
  private readonly records = new Map<string, CustomerRecord>();
  /** Every line, in the order added; as the exclusion constraint does, no two of one number overlap. */
  private lines: StoredLine[] = [];

  add(customer: Customer): Promise<void> {
    const taken = customer.lines.find((line) => this.overlapping(line.number.e164, line));
    if (taken) return Promise.reject(new PhoneNumberTakenError(taken.number.e164));
    this.records.set(customer.id, toRecord(customer));
    for (const line of customer.lines) {
      this.lines.push({
        number: line.number.e164,
        customerId: customer.id,
        from: line.from,
        until: line.until,
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

  addLine(customerId: string, number: PhoneNumber, from: Date | null, now: Date): Promise<boolean> {
    if (!this.records.has(customerId)) return Promise.reject(new CustomerNotFoundError(customerId));
    const line = { number: number.e164, customerId, from, until: null };
    if (this.overlapping(number.e164, line)) return Promise.resolve(false);
    this.lines.push({ ...line, addedAt: now });
    return Promise.resolve(true);
  }

  linesOfNumber(number: string): Promise<Line[]> {
    return Promise.resolve(this.sorted(this.lines.filter((line) => line.number === number)).map(toLine));
  }

  releaseLine(customerId: string, number: string, at: Date): Promise<boolean> {
    const open = this.lines.find(
      (line) => line.number === number && line.customerId === customerId && line.until === null,
    );
    if (!open) return Promise.resolve(false);
    this.lines = this.lines.map((line) => (line === open ? { ...line, until: at } : line));
    return Promise.resolve(true);
  }

  savePlanHistory(customer: Customer): Promise<void> {
    const record = this.records.get(customer.id);
    if (record) this.records.set(customer.id, { ...record, planHistory: customer.planHistory });
    return Promise.resolve();
  }

  saveBillingAddress(customer: Customer): Promise<void> {
    const record = this.records.get(customer.id);
    if (record) this.records.set(customer.id, { ...record, billingAddress: customer.billingAddress });
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

  findLinesOf(numbers: string[]): Promise<OwnedLine[]> {
    const wanted = new Set(numbers);
    return Promise.resolve(
      this.lines
        .filter((line) => wanted.has(line.number))
        .map((line) => ({ ...toLine(line), owner: { ...this.records.get(line.customerId)! } })),
    );
  }

  private overlapping(number: string, range: Pick<Line, 'from' | 'until'>): boolean {
    return this.lines.some((line) => line.number === number && overlaps(line, range));
  }

  /** Oldest first (ties by number), as the real one reads them. */
  private sorted(lines: StoredLine[]): StoredLine[] {
    return [...lines].sort(
      (a, b) =>
        a.addedAt.getTime() - b.addedAt.getTime() || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
    );
  }

  /** The customer with its lines, oldest first (ties by number), as the real one reads them. */
  private withLines(record: CustomerRecord): Customer {
    const lines = this.sorted(this.lines.filter((line) => line.customerId === record.id)).map((line) => ({
      number: PhoneNumber.fromStored(line.number),
      from: line.from,
      until: line.until,
    }));
    return Customer.fromStored({ ...record, lines });
  }
}

function toLine({ number, customerId, from, until }: StoredLine): Line {
  return { number, customerId, from, until };
}

function toRecord(customer: Customer): CustomerRecord {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    timezone: customer.timezone,
    planHistory: customer.planHistory,
    billingAddress: customer.billingAddress,
    createdAt: customer.createdAt,
  };
}
