import { aCall, aCustomer, CreatedCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

interface InvoiceRow {
  customer_id: string;
  period: string;
  number: string;
  total: string;
  lines: { kind: string; period: string; quantity: number; amount: string }[];
}

describe('The monthly run issues every closed period a customer is due', () => {
  let service: TestApp;

  beforeEach(async () => {
    service = await startTestApp({
      now: '2026-09-10T00:00:00Z',
      env: { INVOICING_BATCH_SIZE: '4', INVOICING_CONCURRENCY: '3' },
    });
  });
  afterEach(() => service.close());

  const run = async (body: Record<string, string> = {}) =>
    (await service.http().post('/v1/invoicing/runs').send(body).expect(200)).body as Record<string, unknown>;
  const invoices = (customerId?: string) =>
    service.sql<InvoiceRow>(
      `SELECT customer_id, period, number, total::text, lines FROM invoices
       ${customerId ? 'WHERE customer_id = $1' : ''} ORDER BY sequence`,
      customerId ? [customerId] : [],
    );
  const numbers = async () => (await invoices()).map((invoice) => invoice.number);
  const gapless = (count: number) =>
    Array.from({ length: count }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`);

  it('issues October, with 1.50, when an October call arrives after November was invoiced (customer created in November)', async () => {
    service.clock.set('2026-11-05T00:00:00Z');
    const customer = await aCustomer(service);
    service.clock.set('2026-12-01T00:30:00Z');
    expect(await run()).toEqual({ period: null, customers: 1, created: 1, alreadyInvoiced: 0, failed: 0 });

    service.clock.set('2026-12-02T09:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-20T10:00:00Z', minutes: 75 }),
    ]);
    const [call] = await service.sql<{ charge: string; late: boolean }>(
      'SELECT charge::text, late FROM calls',
    );
    expect(call).toEqual({ charge: '1.50', late: false });

    expect(await run()).toEqual({ period: null, customers: 1, created: 1, alreadyInvoiced: 1, failed: 0 });
    const october = (await invoices(customer.id)).find((invoice) => invoice.period === '2026-10');
    expect(october).toMatchObject({
      total: '1.50',
      lines: [{ kind: 'usage', period: '2026-10', quantity: 75, amount: '1.50' }],
    });
    expect(await run()).toEqual({ period: null, customers: 1, created: 0, alreadyInvoiced: 1, failed: 0 });
    expect(await numbers()).toEqual(gapless(2));
  });

  it('issues all three months of a service that was down for three, oldest first, late calls on the oldest', async () => {
    const customer = await aCustomer(service);
    service.clock.set('2026-10-01T00:30:00Z');
    expect(await run()).toMatchObject({ created: 1 }); // September

    service.clock.set('2026-10-05T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-09-20T10:00:00Z', minutes: 5 }), // late
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-04T10:00:00Z', minutes: 1 }),
    ]);
    service.clock.set('2026-11-15T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-11-14T10:00:00Z', minutes: 2 }),
    ]);
    service.clock.set('2026-12-15T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-12-14T10:00:00Z', minutes: 3 }),
    ]);

    // Down from 1 October until 5 January: October, November and December were never invoiced.
    service.clock.set('2027-01-05T08:00:00Z');
    expect(await run()).toEqual({ period: null, customers: 1, created: 3, alreadyInvoiced: 0, failed: 0 });
    const issued = await invoices(customer.id);
    expect(issued.map((invoice) => [invoice.period, invoice.total])).toEqual([
      ['2026-09', '0.00'],
      ['2026-10', '0.12'],
      ['2026-11', '0.04'],
      ['2026-12', '0.06'],
    ]);
    expect(issued[1].lines).toEqual([
      expect.objectContaining({ kind: 'usage', period: '2026-10', quantity: 1 }),
      expect.objectContaining({ kind: 'late_usage', period: '2026-09', quantity: 5, amount: '0.10' }),
    ]);
    expect(issued.map((invoice) => invoice.number)).toEqual([
      'INV-2026-000001',
      'INV-2027-000002',
      'INV-2027-000003',
      'INV-2027-000004',
    ]);
  });

  it('issues two missing periods for many customers with exact counts and gapless numbers, older first', async () => {
    const customers: CreatedCustomer[] = [];
    for (let i = 0; i < 25; i += 1) customers.push(await aCustomer(service));
    // No run in October: every customer misses September when November starts.
    service.clock.set('2026-11-01T00:30:00Z');
    expect(await run()).toEqual({ period: null, customers: 25, created: 50, alreadyInvoiced: 0, failed: 0 });
    expect(await numbers()).toEqual(gapless(50));
    for (const customer of customers) {
      const issued = await invoices(customer.id);
      expect(issued.map((invoice) => invoice.period)).toEqual(['2026-09', '2026-10']);
    }
    expect(await run()).toEqual({ period: null, customers: 25, created: 0, alreadyInvoiced: 25, failed: 0 });
  });

  it('bills calls migrated into periods before the customer existed, and only the periods that have calls', async () => {
    service.clock.set('2026-11-05T00:00:00Z');
    const customer = await aCustomer(service);
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-07-03T10:00:00Z', minutes: 1 }),
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-07-30T10:00:00Z', minutes: 1 }),
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-09-01T00:00:00Z', minutes: 2 }),
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2025-12-31T23:59:00Z', minutes: 4 }),
    ]);
    service.clock.set('2026-12-01T00:30:00Z');
    expect(await run()).toEqual({ period: null, customers: 1, created: 4, alreadyInvoiced: 0, failed: 0 });
    expect((await invoices(customer.id)).map((invoice) => [invoice.period, invoice.total])).toEqual([
      ['2025-12', '0.08'],
      ['2026-07', '0.04'],
      ['2026-09', '0.04'],
      ['2026-11', '0.00'],
    ]);
  });

  it('issues just the given period when the run names one', async () => {
    for (let i = 0; i < 3; i += 1) await aCustomer(service);
    service.clock.set('2026-11-01T00:30:00Z');
    expect(await run({ period: '2026-10' })).toEqual({
      period: '2026-10',
      customers: 3,
      created: 3,
      alreadyInvoiced: 0,
      failed: 0,
    });
    expect((await invoices()).every((invoice) => invoice.period === '2026-10')).toBe(true);
  });

  it("keeps a customer's newer invoice back when its older one fails, and issues both in order next time", async () => {
    const [unlucky, other] = [await aCustomer(service), await aCustomer(service)];
    service.clock.set('2026-11-01T00:30:00Z');
    await service.sql(`
      CREATE FUNCTION fail_september() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.customer_id = '${unlucky.id}' AND NEW.period = '2026-09' THEN RAISE EXCEPTION 'simulated crash'; END IF;
      RETURN NEW; END $$`);
    await service.sql(
      'CREATE TRIGGER crash BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION fail_september()',
    );

    const interrupted = await run();
    expect(interrupted).toMatchObject({ customers: 2, alreadyInvoiced: 0 });
    expect((interrupted.created as number) + (interrupted.failed as number)).toBe(4);
    expect(interrupted.failed).toBeGreaterThanOrEqual(2); // its September, and its October held back
    expect(await invoices(unlucky.id)).toEqual([]);

    await service.sql('DROP TRIGGER crash ON invoices');
    const resumed = await run();
    expect(resumed).toMatchObject({ customers: 2, failed: 0 });
    expect((await invoices(unlucky.id)).map((invoice) => invoice.period)).toEqual(['2026-09', '2026-10']);
    expect((await invoices(other.id)).map((invoice) => invoice.period)).toEqual(['2026-09', '2026-10']);
    expect(await numbers()).toEqual(gapless(4));
  });
});
