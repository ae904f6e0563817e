import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCall, aCustomer, postCalls } from '../support/mothers';
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
