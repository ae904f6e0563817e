import { randomUUID } from 'node:crypto';
import { InvoicedPeriods } from '../../src/calls';
import { InvoiceRepository } from '../../src/invoicing/application/invoice.repository';
import type { Invoice } from '../../src/invoicing/domain/invoice';
import { InMemoryInvoiceRepository } from '../../src/invoicing/infrastructure/in-memory-invoice.repository';
import { InMemoryInvoicedPeriods } from '../../src/invoicing/infrastructure/in-memory-invoiced-periods';
import { BillingPeriod } from '../../src/shared/domain/billing-period';
import { TimeZone } from '../../src/shared/domain/time-zone';
import { anIssuedInvoice } from '../support/domain-mothers';
import { startTestApp, TestApp } from '../support/test-app';

/** What the store keeps of an invoice, as plain values. */
function plain(invoice: Invoice | null) {
  return (
    invoice && {
      id: invoice.id,
      number: invoice.number,
      customerId: invoice.customerId,
      period: invoice.period.code,
      start: invoice.period.start.toISOString(),
      end: invoice.period.end.toISOString(),
      zone: invoice.period.zone.name,
      plan: invoice.plan,
      status: invoice.status,
      issuedAt: invoice.issuedAt?.toISOString(),
      callCount: invoice.callCount,
      minutes: invoice.minutes,
      lines: invoice.lines.map((line) => ({
        ...line,
        unitPrice: line.unitPrice?.toString() ?? null,
        amount: line.amount.toString(),
      })),
      total: invoice.total.toJSON(),
    }
  );
}

/**
 * One contract, two adapters: the in-memory fake can never drift from the real repository. The
 * calls module's `InvoicedPeriods` is answered from the same invoices, so it is checked here too.
 */
function invoiceRepositoryContract(
  name: string,
  make: () => { invoices: InvoiceRepository; invoicedPeriods: InvoicedPeriods },
) {
  describe(`InvoiceRepository contract: ${name}`, () => {
    let invoices: InvoiceRepository;
    let invoicedPeriods: InvoicedPeriods;

    beforeEach(() => ({ invoices, invoicedPeriods } = make()));

    async function stored(...list: Invoice[]): Promise<Invoice[]> {
      await invoices.store(list, await invoices.takeSequenceNumbers(list.length));
      return list;
    }

    it('hands out consecutive numbers, never twice', async () => {
      const first = await invoices.takeSequenceNumbers(3);
      const next = await invoices.takeSequenceNumbers(1);
      expect(next).toBe(first + 3);
    });

    it('stores invoices and gives them back as issued, by id or by customer and period', async () => {
      const lisbon = {
        ...anIssuedInvoice(),
        period: BillingPeriod.parse('2026-10', TimeZone.of('Europe/Lisbon')),
      };
      const [invoice] = await stored(lisbon);
      expect(plain(await invoices.findById(invoice.id!))).toEqual(plain(invoice));
      expect(plain(await invoices.findByCustomerAndPeriod(invoice.customerId, '2026-10'))).toEqual(
        plain(invoice),
      );
      expect(await invoices.findById(randomUUID())).toBeNull();
      expect(await invoices.findByCustomerAndPeriod(invoice.customerId, '2026-09')).toBeNull();
    });

    it('refuses a second invoice for a customer and period', async () => {
      const [invoice] = await stored(anIssuedInvoice({ period: '2026-08' }));
      const again = { ...anIssuedInvoice({ customerId: invoice.customerId, period: '2026-08' }) };
      await expect(stored(again)).rejects.toThrow();
      expect((await invoices.findById(again.id!))?.id).toBeUndefined();
    });

    it('tells which targets are invoiced already', async () => {
      const [invoice] = await stored(anIssuedInvoice({ period: '2026-09' }));
      const other = randomUUID();
      const utc = (code: string) => BillingPeriod.parse(code, TimeZone.of('UTC'));
      expect(
        await invoices.invoicedAmong([
          { customerId: invoice.customerId, period: utc('2026-09') },
          { customerId: other, period: utc('2026-09') },
        ]),
      ).toEqual(new Set([invoice.customerId]));
      expect(
        await invoices.invoicedAmong([{ customerId: invoice.customerId, period: utc('2026-10') }]),
      ).toEqual(new Set());
      expect(
        await invoicedPeriods.invoicedAmong([
          { customerId: invoice.customerId, period: '2026-09' },
          { customerId: invoice.customerId, period: '2026-10' },
          { customerId: other, period: '2026-09' },
        ]),
      ).toEqual([{ customerId: invoice.customerId, period: '2026-09' }]);
    });

    it('answers, for the reconciliation, the invoices of invoiced periods and the customers of issued invoice ids', async () => {
      const [invoice] = await stored(anIssuedInvoice({ period: '2026-09' }));
      const other = randomUUID();
      expect(
        await invoicedPeriods.invoicesOf([
          { customerId: invoice.customerId, period: '2026-09' },
          { customerId: invoice.customerId, period: '2026-10' },
          { customerId: other, period: '2026-09' },
        ]),
      ).toEqual([
        {
          customerId: invoice.customerId,
          period: '2026-09',
          invoiceId: invoice.id,
          periodStart: new Date('2026-09-01T00:00:00Z'),
          periodEnd: new Date('2026-10-01T00:00:00Z'),
          callCount: 2,
          billedSeconds: 900,
        },
      ]);
      expect(await invoicedPeriods.invoicesOf([])).toEqual([]);
      expect(await invoicedPeriods.customersOfInvoices([invoice.id!, randomUUID()])).toEqual(
        new Map([[invoice.id, invoice.customerId]]),
      );
      expect(await invoicedPeriods.customersOfInvoices([])).toEqual(new Map());
    });

    it("lists a customer's invoices newest period first, after a keyset cursor", async () => {
      const customerId = randomUUID();
      const list = await stored(
        ...['2026-07', '2026-09', '2026-08'].map((period) => anIssuedInvoice({ customerId, period })),
        anIssuedInvoice({ period: '2026-09' }),
      );
      const page = await invoices.listByCustomer(customerId, 2, null);
      expect(page.map((invoice) => invoice.period.code)).toEqual(['2026-09', '2026-08']);
      const next = await invoices.listByCustomer(customerId, 2, { period: '2026-08', id: page[1].id! });
      expect(next.map((invoice) => invoice.id)).toEqual([list[0].id]);
    });

    it('finds the customers missing invoices in a range, and the periods they have', async () => {
      const [whole, gap] = [randomUUID(), randomUUID()];
      await stored(
        ...['2026-07', '2026-08', '2026-09'].map((period) => anIssuedInvoice({ customerId: whole, period })),
        ...['2026-07', '2026-09', '2026-10'].map((period) => anIssuedInvoice({ customerId: gap, period })),
      );
      const range = { from: '2026-07', until: '2026-10', months: 3 };
      expect(
        await invoices.customersMissingInvoices([
          { customerId: whole, ...range },
          { customerId: gap, ...range },
          { customerId: randomUUID(), from: '2026-10', until: '2026-10', months: 0 },
        ]),
      ).toEqual(new Set([gap]));
      const periods = await invoices.invoicedPeriodsOf([gap, randomUUID()]);
      expect([...periods.keys()]).toEqual([gap]);
      expect(periods.get(gap)).toEqual(new Set(['2026-07', '2026-09', '2026-10']));
    });

    it('gives each customer its invoices as issued, with their stored bounds', async () => {
      const [invoice] = await stored(
        anIssuedInvoice({ period: '2026-06', issuedAt: '2026-07-01T00:10:00Z' }),
      );
      const issued = await invoices.issuedPeriodsOf([invoice.customerId, randomUUID()]);
      expect([...issued.keys()]).toEqual([invoice.customerId]);
      expect(issued.get(invoice.customerId)).toEqual([
        {
          invoiceId: invoice.id,
          period: '2026-06',
          start: new Date('2026-06-01T00:00:00Z'),
          end: new Date('2026-07-01T00:00:00Z'),
          issuedAt: new Date('2026-07-01T00:10:00Z'),
        },
      ]);
    });
  });
}

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

invoiceRepositoryContract('in-memory', () => {
  const invoices = new InMemoryInvoiceRepository();
  return { invoices, invoicedPeriods: new InMemoryInvoicedPeriods(invoices) };
});
invoiceRepositoryContract('MikroORM (PostgreSQL)', () => ({
  invoices: service.app.get(InvoiceRepository),
  invoicedPeriods: service.app.get(InvoicedPeriods),
}));
