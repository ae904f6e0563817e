import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCall, aCustomer, CreatedCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';
import { aTestFolder, removeTestFolder } from '../support/test-folders';

const catalog = {
  postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
  'prepaid-sub-cent': { type: 'prepaid', ratePerMinute: '0.004', currency: 'USD' },
};

/** Issue #12: periods exact in every zone and season, and from 1970; invoices never below 0.00. */
describe('Billing periods through the API', () => {
  let service: TestApp;
  const folder = aTestFolder('plans');

  beforeAll(async () => {
    const file = join(folder, 'plans.json');
    writeFileSync(file, JSON.stringify(catalog));
    service = await startTestApp({
      now: '2026-10-15T12:00:00Z',
      env: { BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'postpaid' },
    });
  });
  afterAll(async () => {
    await service.close();
    removeTestFolder(folder);
  });

  const issue = (customer: CreatedCustomer, period: string) =>
    service.http().post(`/v1/customers/${customer.id}/invoices`).send({ period });
  const history = async (customer: CreatedCustomer, period: string) => {
    const response = await service
      .http()
      .get(`/v1/customers/${customer.id}/calls`)
      .query({ period })
      .expect(200);
    return (response.body.data as { callId: string }[]).map((call) => call.callId);
  };
  const record = (customer: CreatedCustomer, startedAt: string, minutes: number) =>
    service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: customer.phoneNumber, startedAt, minutes }));

  it('bills a Managua call in the first of the two local midnights on the October invoice (2006)', async () => {
    const customer = await aCustomer(service, { timezone: 'America/Managua' });
    const call = await record(customer, '2006-10-01T05:30:00Z', 30).expect(201);
    expect(call.body).toMatchObject({ period: '2006-10', charge: { amount: '0.60', currency: 'USD' } });

    expect(await history(customer, '2006-10')).toEqual([call.body.callId]);
    expect(await history(customer, '2006-09')).toEqual([]);
    const invoice = await issue(customer, '2006-10').expect(201);
    expect(invoice.body).toMatchObject({
      period: '2006-10',
      periodStart: '2006-10-01T05:00:00Z',
      periodEnd: '2006-11-01T06:00:00Z',
      timezone: 'America/Managua',
      callCount: 1,
      minutes: 30,
      total: { amount: '0.60', currency: 'USD' },
    });
  });

  it('bills the Asuncion call at local 00:30 on 1 November on November only, once (2023)', async () => {
    const customer = await aCustomer(service, { timezone: 'America/Asuncion' });
    // October is asked about first: what was computed before must not move the boundary call.
    expect(await history(customer, '2023-10')).toEqual([]);
    const october = await record(customer, '2023-10-15T15:00:00Z', 10).expect(201);
    const boundary = await record(customer, '2023-11-01T03:30:00Z', 5).expect(201);
    const november = await record(customer, '2023-11-15T15:00:00Z', 7).expect(201);
    expect([october.body.period, boundary.body.period, november.body.period]).toEqual([
      '2023-10',
      '2023-11',
      '2023-11',
    ]);
    expect(await history(customer, '2023-10')).toEqual([october.body.callId]);
    expect(await history(customer, '2023-11')).toEqual([november.body.callId, boundary.body.callId]);

    const octoberInvoice = await issue(customer, '2023-10').expect(201);
    // After October's invoice, a call of November's first hour is not late: it is November's.
    const afterwards = await record(customer, '2023-11-01T03:10:00Z', 3).expect(201);
    expect(afterwards.body.period).toBe('2023-11');
    const novemberInvoice = await issue(customer, '2023-11').expect(201);
    expect(octoberInvoice.body).toMatchObject({
      periodStart: '2023-10-01T04:00:00Z',
      periodEnd: '2023-11-01T03:00:00Z',
      callCount: 1,
      minutes: 10,
      total: { amount: '0.20' },
    });
    expect(novemberInvoice.body).toMatchObject({
      periodStart: '2023-11-01T03:00:00Z',
      callCount: 3,
      minutes: 15,
      total: { amount: '0.30' },
      lines: [expect.objectContaining({ kind: 'usage', quantity: 15 })],
    });
  });

  it("closes an Asuncion October for the monthly run at 03:00Z on 1 November, the zone's midnight", async () => {
    service.clock.set('2023-10-20T00:00:00Z');
    try {
      const customer = await aCustomer(service, { timezone: 'America/Asuncion' });
      const invoiced = async () =>
        (await service.http().get(`/v1/customers/${customer.id}/invoices`).expect(200)).body.data.map(
          (invoice: { period: string }) => invoice.period,
        );
      service.clock.set('2023-11-01T02:59:59Z');
      await service.http().post('/v1/invoicing/runs').send({}).expect(200);
      expect(await invoiced()).toEqual([]);
      service.clock.set('2023-11-01T03:00:00Z');
      await service.http().post('/v1/invoicing/runs').send({}).expect(200);
      expect(await invoiced()).toEqual(['2023-10']);
    } finally {
      service.clock.set('2026-10-15T12:00:00Z');
    }
  });

  it('accepts, lists and invoices a call of 31 December 1999', async () => {
    const customer = await aCustomer(service, { timezone: 'UTC' });
    const call = await record(customer, '1999-12-31T12:00:00Z', 2).expect(201);
    expect(call.body.period).toBe('1999-12');
    expect(await history(customer, '1999-12')).toEqual([call.body.callId]);
    const invoice = await issue(customer, '1999-12').expect(201);
    expect(invoice.body).toMatchObject({
      period: '1999-12',
      periodStart: '1999-12-01T00:00:00Z',
      periodEnd: '2000-01-01T00:00:00Z',
      callCount: 1,
      total: { amount: '0.04' },
    });
  });

  it('takes periods from 1970-01 everywhere a period is accepted, and none before', async () => {
    const customer = await aCustomer(service, { timezone: 'America/New_York' });
    const first = await record(customer, '1970-01-01T05:00:00Z', 1).expect(201);
    expect(first.body.period).toBe('1970-01');
    expect(await history(customer, '1970-01')).toEqual([first.body.callId]);
    expect((await issue(customer, '1970-01').expect(201)).body.periodStart).toBe('1970-01-01T05:00:00Z');
    const run = await service.http().post('/v1/invoicing/runs').send({ period: '1970-01' }).expect(200);
    expect(run.body).toMatchObject({ period: '1970-01', failed: 0 });

    for (const response of [
      await issue(customer, '1969-12'),
      await service.http().get(`/v1/customers/${customer.id}/calls`).query({ period: '1969-12' }),
      await service.http().post('/v1/invoicing/runs').send({ period: '1969-12' }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body.type).toContain('/problems/invalid-period');
    }
    // Still 31 December 1969 in New York: no billing period could ever bill it.
    const before = await record(customer, '1970-01-01T04:59:59Z', 1).expect(400);
    expect(before.body).toMatchObject({
      type: expect.stringContaining('/problems/started-at-before-first-period'),
    });
    expect(before.body.detail).toContain('1970-01');
  });

  it('previews the open period in January 1970', async () => {
    service.clock.set('1970-01-20T00:00:00Z');
    try {
      const customer = await aCustomer(service, { timezone: 'Asia/Tokyo' });
      await postCalls(service, [
        aCall({ phoneNumber: customer.phoneNumber, startedAt: '1970-01-19T00:00:00Z' }),
      ]);
      const preview = await service.http().get(`/v1/customers/${customer.id}/invoices/upcoming`).expect(200);
      expect(preview.body).toMatchObject({
        status: 'upcoming',
        period: '1970-01',
        periodStart: '1969-12-31T15:00:00Z',
        callCount: 1,
      });
    } finally {
      service.clock.set('2026-10-15T12:00:00Z');
    }
  });

  it('totals 0.00, never -0.01, when a balance paid every sub-cent call, late ones included', async () => {
    service.clock.set('2026-09-01T00:00:00Z');
    try {
      const customer = await aCustomer(service, { plan: 'prepaid-sub-cent' });
      await service
        .http()
        .post(`/v1/customers/${customer.id}/top-ups`)
        .send({ amount: '1.00', reference: 't-1' })
        .expect(201);
      service.clock.set('2026-10-01T00:00:00Z');
      await issue(customer, '2026-09').expect(201); // no calls yet: 0.00
      service.clock.set('2026-10-09T12:00:00Z');
      await record(customer, '2026-09-20T12:00:00Z', 1).expect(201); // late: September is invoiced
      await record(customer, '2026-10-09T10:00:00Z', 1).expect(201);

      service.clock.set('2026-11-01T00:00:00Z');
      const invoice = await issue(customer, '2026-10').expect(201);
      expect(
        (invoice.body.lines as { kind: string; period: string; amount: string }[]).map((line) => [
          line.kind,
          line.period,
          line.amount,
        ]),
      ).toEqual([
        ['usage', '2026-10', '0.00'],
        ['late_usage', '2026-09', '0.00'],
        ['prepaid_applied', '2026-10', '0.00'],
      ]);
      expect(invoice.body.total).toEqual({ amount: '0.00', currency: 'USD' });
    } finally {
      service.clock.set('2026-10-15T12:00:00Z');
    }
  });
});
