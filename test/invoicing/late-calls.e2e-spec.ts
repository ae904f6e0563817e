import { aCall, aCustomer, CreatedCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Late calls', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-01T00:00:00Z' });
  });
  afterAll(() => service.close());

  it('bills a call for an invoiced period on the next invoice, as late usage naming its period', async () => {
    const customer = await aCustomer(service);
    service.clock.set('2026-10-20T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-10T10:00:00Z', minutes: 4 }),
    ]);
    service.clock.set('2026-11-01T00:10:00Z');
    const october = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-10' })
      .expect(201);

    service.clock.set('2026-11-05T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-31T23:00:00Z', minutes: 7 }), // late
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-11-02T09:00:00Z', minutes: 1 }),
    ]);
    const upcoming = await service.http().get(`/v1/customers/${customer.id}/invoices/upcoming`).expect(200);
    expect(upcoming.body).toMatchObject({
      id: null,
      number: null,
      status: 'upcoming',
      period: '2026-11',
      callCount: 1,
    });
    expect(upcoming.body.lines.map((line: { kind: string }) => line.kind)).toEqual(['usage', 'late_usage']);

    service.clock.set('2026-12-01T00:10:00Z');
    const november = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-11' })
      .expect(201);
    expect(november.body).toMatchObject({
      callCount: 1,
      minutes: 1,
      lines: [
        { kind: 'usage', period: '2026-11', quantity: 1, amount: '0.02' },
        { kind: 'late_usage', period: '2026-10', quantity: 7, unitPrice: '0.02', amount: '0.14' },
      ],
      total: { amount: '0.16', currency: 'USD' },
    });
    const octoberNow = await service.http().get(`/v1/invoices/${october.body.id}`).expect(200);
    expect(octoberNow.body).toEqual(october.body);

    service.clock.set('2027-01-01T00:10:00Z');
    const december = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-12' })
      .expect(201);
    expect(december.body.lines).toEqual([]);
    expect(december.body.total.amount).toBe('0.00');
  });
});

describe('Late calls racing a monthly run on several lanes', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({
      now: '2026-10-20T00:00:00Z',
      env: { INVOICING_BATCH_SIZE: '2', INVOICING_CONCURRENCY: '2' },
    });
  });
  afterAll(() => service.close());

  it('puts each call on its period invoice or marks it late for the next, never both or neither', async () => {
    const customers: CreatedCustomer[] = [];
    for (let i = 0; i < 12; i += 1) customers.push(await aCustomer(service));
    await postCalls(
      service,
      customers.map((c) =>
        aCall({ phoneNumber: c.phoneNumber, startedAt: '2026-10-10T10:00:00Z', minutes: 1 }),
      ),
    );

    service.clock.set('2026-11-01T00:10:00Z');
    const racing = Array.from({ length: 6 }, (_, round) =>
      customers.map((c) =>
        aCall({ phoneNumber: c.phoneNumber, startedAt: '2026-10-31T23:00:00Z', minutes: 10 + round }),
      ),
    );
    const [run] = await Promise.all([
      service.http().post('/v1/invoicing/runs').send({ period: '2026-10' }).expect(200),
      (async () => {
        for (const calls of racing) await postCalls(service, calls);
      })(),
    ]);
    expect(run.body).toMatchObject({ customers: 12, created: 12, failed: 0 });

    const october = await service.sql<{
      customer_id: string;
      billed: number;
      on_time: string;
      late: string;
    }>(`
      SELECT i.customer_id, i.call_count AS billed,
             count(c.*) FILTER (WHERE NOT c.late) AS on_time, count(c.*) FILTER (WHERE c.late) AS late
      FROM invoices i JOIN calls c ON c.customer_id = i.customer_id AND c.period = i.period
      WHERE i.period = '2026-10' GROUP BY i.customer_id, i.call_count`);
    expect(october).toHaveLength(12);
    for (const row of october) {
      expect(Number(row.on_time)).toBe(row.billed);
      expect(Number(row.on_time) + Number(row.late)).toBe(7);
    }

    service.clock.set('2026-12-01T00:10:00Z');
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-11' }).expect(200);
    const [{ late_minutes: lateMinutes, billed_late: billedLate }] = await service.sql<{
      late_minutes: string | null;
      billed_late: string | null;
    }>(`
      SELECT (SELECT coalesce(sum(minutes), 0) FROM calls WHERE period = '2026-10' AND late) AS late_minutes,
             (SELECT coalesce(sum((line->>'quantity')::int), 0) FROM invoices, jsonb_array_elements(lines) AS line
              WHERE period = '2026-11' AND line->>'kind' = 'late_usage') AS billed_late`);
    expect(billedLate).toBe(lateMinutes);
  });
});
