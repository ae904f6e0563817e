import { aCall, aCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('The monthly invoicing run', () => {
  let service: TestApp;

  beforeEach(async () => {
    service = await startTestApp({ now: '2026-10-10T00:00:00Z', env: { INVOICING_BATCH_SIZE: '3' } });
  });
  afterEach(() => service.close());

  const run = (body: Record<string, string> = {}) =>
    service.http().post('/v1/invoicing/runs').send(body).expect(200);
  const numbers = async () =>
    (await service.sql<{ number: string }>('SELECT number FROM invoices ORDER BY sequence')).map(
      (row) => row.number,
    );

  it('invoices every due customer once per closed period, each in its own time zone', async () => {
    service.clock.set('2026-09-10T00:00:00Z');
    const lisbon = await aCustomer(service, { timezone: 'Europe/Lisbon' });
    const kiritimati = await aCustomer(service, { timezone: 'Pacific/Kiritimati' });
    const pagoPago = await aCustomer(service, { timezone: 'Pacific/Pago_Pago' });
    const quiet = await aCustomer(service);
    service.clock.set('2026-10-10T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: lisbon.phoneNumber, startedAt: '2026-10-09T10:00:00Z', minutes: 10 }),
    ]);

    // 10:30 UTC on 31 October: only Kiritimati (UTC+14) has closed October; it gets September too,
    // which no run has issued yet.
    service.clock.set('2026-10-31T10:30:00Z');
    expect((await run()).body).toEqual({
      period: null,
      customers: 4,
      created: 5,
      alreadyInvoiced: 0,
      failed: 0,
    });
    const periods = await service.sql<{ customer_id: string; periods: string[] }>(
      'SELECT customer_id, array_agg(period ORDER BY period) AS periods FROM invoices GROUP BY customer_id',
    );
    expect(Object.fromEntries(periods.map((row) => [row.customer_id, row.periods]))).toEqual({
      [lisbon.id]: ['2026-09'],
      [kiritimati.id]: ['2026-09', '2026-10'],
      [pagoPago.id]: ['2026-09'],
      [quiet.id]: ['2026-09'],
    });

    service.clock.set('2026-11-01T12:00:00Z');
    expect((await run()).body).toEqual({
      period: null,
      customers: 4,
      created: 3,
      alreadyInvoiced: 1,
      failed: 0,
    });
    const [lisbonOctober] = await service.sql<{ total: string }>(
      "SELECT total FROM invoices WHERE customer_id = $1 AND period = '2026-10'",
      [lisbon.id],
    );
    expect(lisbonOctober.total).toBe('0.20');
    expect((await run()).body).toMatchObject({ customers: 4, created: 0, alreadyInvoiced: 4 });
    expect(await numbers()).toEqual(Array.from({ length: 8 }, (_, i) => `INV-2026-00000${i + 1}`));
  });

  it('sends a 0.00 invoice to a postpaid customer without calls, and skips one created after the period', async () => {
    await aCustomer(service);
    service.clock.set('2026-11-01T00:30:00Z');
    await aCustomer(service); // created after October ended, no calls in it
    const summary = await run({ period: '2026-10' });
    expect(summary.body).toEqual({
      period: '2026-10',
      customers: 1,
      created: 1,
      alreadyInvoiced: 0,
      failed: 0,
    });
    const [invoice] = await service.sql<{ total: string; lines: unknown[] }>(
      'SELECT total, lines FROM invoices',
    );
    expect(invoice).toEqual({ total: '0.00', lines: [] });
  });

  it('creates each invoice once with gapless numbers when several runs race', async () => {
    for (let i = 0; i < 10; i += 1) await aCustomer(service);
    service.clock.set('2026-11-01T00:30:00Z');
    const summaries = await Promise.all(Array.from({ length: 4 }, () => run({ period: '2026-10' })));
    expect(summaries.reduce((sum, response) => sum + (response.body.created as number), 0)).toBe(10);
    expect(summaries.every((response) => response.body.failed === 0)).toBe(true);
    const [{ count, customers }] = await service.sql<{ count: string; customers: string }>(
      'SELECT count(*) AS count, count(DISTINCT customer_id) AS customers FROM invoices',
    );
    expect([count, customers]).toEqual(['10', '10']);
    expect(await numbers()).toEqual(
      Array.from({ length: 10 }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('finishes an interrupted run on the next one, duplicating nothing and leaving no gap', async () => {
    const customers = [];
    for (let i = 0; i < 7; i += 1) {
      service.clock.advance(1000); // distinct creation times: the run pages customers in creation order
      customers.push(await aCustomer(service));
    }
    service.clock.set('2026-11-01T00:30:00Z');
    // The database fails part-way through, as a crash would: the batch holding this customer rolls back.
    await service.sql(`
      CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.customer_id = '${customers[4].id}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
    await service.sql(
      'CREATE TRIGGER crash BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION fail_once()',
    );

    // Batches are formed per lane (customers are split between the concurrent lanes by lock group),
    // so which customers share the failing batch varies: at least the one customer fails.
    const interrupted = await run({ period: '2026-10' });
    const { created, failed } = interrupted.body as { created: number; failed: number };
    expect(interrupted.body).toMatchObject({ period: '2026-10', customers: 7, alreadyInvoiced: 0 });
    expect(created + failed).toBe(7);
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(failed).toBeLessThanOrEqual(3);
    expect(await numbers()).toEqual(
      Array.from({ length: created }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`),
    );
    const [{ count: crashedCustomerInvoices }] = await service.sql<{ count: string }>(
      'SELECT count(*) AS count FROM invoices WHERE customer_id = $1',
      [customers[4].id],
    );
    expect(crashedCustomerInvoices).toBe('0');

    await service.sql('DROP TRIGGER crash ON invoices');
    const resumed = await run({ period: '2026-10' });
    expect(resumed.body).toEqual({
      period: '2026-10',
      customers: 7,
      created: failed,
      alreadyInvoiced: created,
      failed: 0,
    });
    expect(await numbers()).toEqual(Array.from({ length: 7 }, (_, i) => `INV-2026-00000${i + 1}`));
  });

  it('issues every customer exactly once with gapless numbers on one lane or several', async () => {
    for (let i = 0; i < 9; i += 1) await aCustomer(service);
    service.clock.set('2026-11-01T00:30:00Z');
    const summary = await run({ period: '2026-10' });
    expect(summary.body).toEqual({
      period: '2026-10',
      customers: 9,
      created: 9,
      alreadyInvoiced: 0,
      failed: 0,
    });
    expect(await numbers()).toEqual(Array.from({ length: 9 }, (_, i) => `INV-2026-00000${i + 1}`));

    const single = await startTestApp({
      now: '2026-12-01T00:30:00Z',
      databaseUrl: service.databaseUrl,
      env: { INVOICING_BATCH_SIZE: '3', INVOICING_CONCURRENCY: '1' },
    });
    try {
      const november = await single.http().post('/v1/invoicing/runs').send({ period: '2026-11' }).expect(200);
      expect(november.body).toMatchObject({ customers: 9, created: 9, failed: 0 });
    } finally {
      await single.close();
    }
    expect(await numbers()).toEqual(
      Array.from({ length: 18 }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('answers 400 for a malformed period', async () => {
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-1' }).expect(400);
  });
});
