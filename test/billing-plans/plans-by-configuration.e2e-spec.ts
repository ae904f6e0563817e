import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCall, aCustomer, CreatedCustomer, postCalls } from '../support/mothers';
import { dropDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';
import { aTestFolder, removeTestFolder } from '../support/test-folders';

const catalog = {
  cheap: { type: 'postpaid', ratePerMinute: '0.015', currency: 'USD' },
  'flat-100': {
    type: 'flat',
    monthlyFee: '9.90',
    includedMinutes: 100,
    overageRatePerMinute: '0.03',
    currency: 'USD',
  },
};

describe('Plans swapped by configuration', () => {
  let service: TestApp;
  let folder: string;

  beforeAll(async () => {
    folder = aTestFolder('plans');
    const file = join(folder, 'plans.json');
    writeFileSync(file, JSON.stringify(catalog));
    service = await startTestApp({
      now: '2026-10-10T00:00:00Z',
      env: { BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'cheap' },
    });
  });
  afterAll(async () => {
    await service.close();
    removeTestFolder(folder);
  });

  it('charges new customers by the configured default plan, exactly, and rounds only the invoice line', async () => {
    const customer = await aCustomer(service);
    expect(customer.body.plan).toBe('cheap');
    await postCalls(
      service,
      Array.from({ length: 3 }, () =>
        aCall({ phoneNumber: customer.phoneNumber, minutes: 1, startedAt: '2026-10-09T00:00:00Z' }),
      ),
    );
    const charges = await service.sql<{ charge: string }>('SELECT charge FROM calls WHERE customer_id = $1', [
      customer.id,
    ]);
    expect(charges.map((row) => row.charge)).toEqual(['0.015', '0.015', '0.015']);
    service.clock.set('2026-11-01T00:00:00Z');
    const invoice = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-10' })
      .expect(201);
    expect(invoice.body.lines).toEqual([
      {
        kind: 'usage',
        description: '3 minutes at 0.015 USD',
        period: '2026-10',
        group: 'default',
        billedSeconds: 180,
        quantity: 3,
        unitPrice: '0.015',
        amount: '0.05',
      },
    ]);
    expect(invoice.body.total).toEqual({ amount: '0.05', currency: 'USD' });
    service.clock.set('2026-10-10T00:00:00Z');
  });

  it('bills the minutes beyond the included ones as overage', async () => {
    const customer = await aCustomer(service, { plan: 'flat-100' });
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, minutes: 90, startedAt: '2026-10-08T00:00:00Z' }),
      aCall({ phoneNumber: customer.phoneNumber, minutes: 25, startedAt: '2026-10-09T00:00:00Z' }),
    ]);
    service.clock.set('2026-11-01T00:00:00Z');
    const invoice = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-10' })
      .expect(201);
    expect(invoice.body.lines).toEqual([
      expect.objectContaining({ kind: 'fixed_fee', amount: '9.90' }),
      expect.objectContaining({ kind: 'overage', quantity: 15, unitPrice: '0.03', amount: '0.45' }),
    ]);
    expect(invoice.body.total.amount).toBe('10.35');
  });

  it('lists the configured catalog', async () => {
    const response = await service.http().get('/v1/plans').expect(200);
    expect(response.body.defaultPlan).toBe('cheap');
    expect(response.body.data.map((plan: { code: string }) => plan.code)).toEqual(['cheap', 'flat-100']);
  });
});

describe('A plan taken out of the catalog while customers need it', () => {
  const full = {
    cheap: { type: 'postpaid', ratePerMinute: '0.015', currency: 'USD' },
    gold: {
      type: 'flat',
      monthlyFee: '30.00',
      includedMinutes: null,
      overageRatePerMinute: '0.01',
      currency: 'USD',
    },
    legacy: { type: 'postpaid', ratePerMinute: '0.05', currency: 'USD' },
  };
  const without = (...codes: string[]) =>
    Object.fromEntries(Object.entries(full).filter(([code]) => !codes.includes(code)));
  let folder: string;
  let databaseUrl: string;
  let legacyCustomer: CreatedCustomer;

  const catalogFile = (name: string, plans: object) => {
    const file = join(folder, `${name}.json`);
    writeFileSync(file, JSON.stringify(plans));
    return file;
  };
  const startWith = (plans: object, name: string) =>
    startTestApp({
      now: '2026-12-05T00:00:00Z',
      databaseUrl,
      env: { BILLING_PLANS_FILE: catalogFile(name, plans), DEFAULT_PLAN: 'cheap' },
    });

  /** In August: one customer on gold, one moving to gold, one leaving legacy for cheap in September. */
  beforeAll(async () => {
    folder = aTestFolder('plans');
    const before = await startTestApp({
      now: '2026-08-10T00:00:00Z',
      env: { BILLING_PLANS_FILE: catalogFile('full', full), DEFAULT_PLAN: 'cheap' },
    });
    databaseUrl = before.databaseUrl;
    await aCustomer(before, { plan: 'gold' });
    const moving = await aCustomer(before, { plan: 'cheap' });
    await before.http().put(`/v1/customers/${moving.id}/plan`).send({ plan: 'gold' }).expect(200);
    legacyCustomer = await aCustomer(before, { plan: 'legacy' });
    await before.http().put(`/v1/customers/${legacyCustomer.id}/plan`).send({ plan: 'cheap' }).expect(200);
    await before.app.close();
  });
  afterAll(async () => {
    await dropDatabase(databaseUrl);
    removeTestFolder(folder);
  });

  it('refuses to start, in one line naming the missing plans and how many customers need them', async () => {
    const file = join(folder, 'no-gold.json');
    const refusal = await startWith(without('gold', 'legacy'), 'no-gold').then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toBe(
      `Invalid billing plans: BILLING_PLANS_FILE=${file} has no plan "gold", which 2 customers are on or will ` +
        'move to. Put the plans back in the catalog (customers keep their plan code until they change plan)',
    );
  });

  it('answers a call rated by a plan the catalog lacks with a logged 500, never a 4xx; an unknown plan in a request stays a 400', async () => {
    // legacy ended before the last closed period, so the service starts without it.
    const service = await startWith(without('legacy'), 'no-legacy');
    try {
      const august = aCall({ phoneNumber: legacyCustomer.phoneNumber, startedAt: '2026-08-20T10:00:00Z' });
      const single = await service.http().post('/v1/calls').send(august).expect(500);
      expect(single.body.type).toContain('/problems/internal');
      expect(JSON.stringify(single.body)).not.toContain('legacy');
      await service
        .http()
        .post('/v1/calls/batch')
        .send({ calls: [august] })
        .expect(500);
      expect(await service.sql('SELECT id FROM calls WHERE call_id = $1', [august.callId])).toEqual([]);

      const december = aCall({ phoneNumber: legacyCustomer.phoneNumber, startedAt: '2026-12-04T10:00:00Z' });
      await service.http().post('/v1/calls').send(december).expect(201);

      const unknown = await service
        .http()
        .post('/v1/customers')
        .send({ name: 'X', plan: 'legacy' })
        .expect(400);
      expect(unknown.body.type).toContain('/problems/unknown-plan');
    } finally {
      await service.app.close();
    }
  });
});
