import { InvoicedRange, InvoiceRepository, InvoiceTarget } from '../application/invoice.repository';
import type { IssuedPeriod } from '../domain/call-period-repair';
import type { Invoice } from '../domain/invoice';

interface StoredInvoice {
  invoice: Invoice;
  sequence: number;
}

/** A fake for fast tests of the use cases; the contract suite keeps it honest against the real one. */
export class InMemoryInvoiceRepository extends InvoiceRepository {
  private readonly invoices = new Map<string, StoredInvoice>();
  private lastSequence = 0;

  invoicedAmong(targets: InvoiceTarget[]): Promise<Set<string>> {
    return Promise.resolve(
      new Set(
        targets
          .filter(({ customerId, period }) => this.find(customerId, period.code) !== undefined)
          .map(({ customerId }) => customerId),
      ),
    );
  }

  takeSequenceNumbers(count: number): Promise<number> {
    this.lastSequence += count;
    return Promise.resolve(this.lastSequence - count + 1);
  }

  store(invoices: Invoice[], firstSequence: number): Promise<void> {
    const keys = new Set<string>();
    for (const invoice of invoices) {
      const key = `${invoice.customerId}/${invoice.period.code}`;
      if (keys.has(key) || this.find(invoice.customerId, invoice.period.code)) {
        return Promise.reject(new Error(`an invoice for ${key} exists already`));
      }
      keys.add(key);
    }
    invoices.forEach((invoice, index) =>
      this.invoices.set(invoice.id!, { invoice: copy(invoice), sequence: firstSequence + index }),
    );
    return Promise.resolve();
  }

  findById(id: string): Promise<Invoice | null> {
    const stored = this.invoices.get(id);
    return Promise.resolve(stored ? copy(stored.invoice) : null);
  }

  findByCustomerAndPeriod(customerId: string, period: string): Promise<Invoice | null> {
    const stored = this.find(customerId, period);
    return Promise.resolve(stored ? copy(stored.invoice) : null);
  }

  listByCustomer(
    customerId: string,
    limit: number,
    after: { period: string; id: string } | null,
  ): Promise<Invoice[]> {
    const newestFirst = (a: Invoice, b: Invoice) =>
      a.period.code === b.period.code ? (a.id! < b.id! ? 1 : -1) : a.period.code < b.period.code ? 1 : -1;
    const listed = this.of(customerId)
      .map(({ invoice }) => invoice)
      .filter(
        (invoice) =>
          after === null ||
          invoice.period.code < after.period ||
          (invoice.period.code === after.period && invoice.id! < after.id),
      )
      .sort(newestFirst)
      .slice(0, limit);
    return Promise.resolve(listed.map(copy));
  }

  customersMissingInvoices(ranges: InvoicedRange[]): Promise<Set<string>> {
    return Promise.resolve(
      new Set(
        ranges
          .filter(
            ({ customerId, from, until, months }) =>
              this.of(customerId).filter(
                ({ invoice }) => invoice.period.code >= from && invoice.period.code < until,
              ).length < months,
          )
          .map(({ customerId }) => customerId),
      ),
    );
  }

  invoicedPeriodsOf(customerIds: string[]): Promise<Map<string, Set<string>>> {
    const periods = new Map<string, Set<string>>();
    for (const customerId of customerIds) {
      const invoiced = this.of(customerId).map(({ invoice }) => invoice.period.code);
      if (invoiced.length > 0) periods.set(customerId, new Set(invoiced));
    }
    return Promise.resolve(periods);
  }

  issuedPeriodsOf(customerIds: string[]): Promise<Map<string, IssuedPeriod[]>> {
    const issued = new Map<string, IssuedPeriod[]>();
    for (const customerId of customerIds) {
      const periods = this.of(customerId).map(({ invoice }) => ({
        invoiceId: invoice.id!,
        period: invoice.period.code,
        start: invoice.period.start,
        end: invoice.period.end,
        issuedAt: invoice.issuedAt!,
      }));
      if (periods.length > 0) issued.set(customerId, periods);
    }
    return Promise.resolve(issued);
  }

  private of(customerId: string): StoredInvoice[] {
    return [...this.invoices.values()].filter(({ invoice }) => invoice.customerId === customerId);
  }

  private find(customerId: string, period: string): StoredInvoice | undefined {
    return this.of(customerId).find(({ invoice }) => invoice.period.code === period);
  }
}

function copy(invoice: Invoice): Invoice {
  return { ...invoice, lines: invoice.lines.map((line) => ({ ...line })) };
}
