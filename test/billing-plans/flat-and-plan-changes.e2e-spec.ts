import { aCall, aCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Flat plan and plan changes', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-10T00:00:00Z' });
  });
  afterAll(() => service.close());

  it('bills a flat customer its monthly fee with calls at 0.00', async () => {
    const customer = await aCustomer(service, { plan: 'flat' });
    const call = await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: customer.phoneNumber, minutes: 300, startedAt: '2026-10-09T00:00:00Z' }))
      .expect(201);
    expect(call.body).toMatchObject({ plan: 'flat', charge: { amount: '0.00', currency: 'USD' } });
    service.clock.set('2026-11-01T00:00:00Z');
    const invoice = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-10' })
      .expect(201);
    expect(invoice.body).toMatchObject({
      plan: 'flat',
      callCount: 1,
      minutes: 300,
      lines: [{ kind: 'fixed_fee', quantity: 1, unitPrice: '20.00', amount: '20.00' }],
      total: { amount: '20.00', currency: 'USD' },
    });
    service.clock.set('2026-10-10T00:00:00Z');
  });

  it('keeps the old plan until the next period, then rates calls by the new one', async () => {
    const customer = await aCustomer(service, { timezone: 'Pacific/Pago_Pago' });
    await service.http().put(`/v1/customers/${customer.id}/plan`).send({ plan: 'flat' }).expect(200);
    await postCalls(service, [
      aCall({
        callId: 'before-change',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-10-09T12:00:00Z',
      }),
    ]);
    service.clock.set('2026-11-01T11:00:00Z'); // midnight, 1 November, in Pago Pago
    await postCalls(service, [
      aCall({
        callId: 'still-october',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-11-01T10:59:00Z',
      }),
      aCall({ callId: 'first-flat', phoneNumber: customer.phoneNumber, startedAt: '2026-11-01T11:00:00Z' }),
    ]);
    const calls = await service.sql<{ call_id: string; plan: string; charge: string }>(
      'SELECT call_id, plan, charge FROM calls WHERE customer_id = $1 ORDER BY started_at',
      [customer.id],
    );
    expect(calls).toEqual([
      { call_id: 'before-change', plan: 'postpaid', charge: '0.06' },
      { call_id: 'still-october', plan: 'postpaid', charge: '0.06' },
      { call_id: 'first-flat', plan: 'flat', charge: '0.00' },
    ]);
    const now = await service.http().get(`/v1/customers/${customer.id}`).expect(200);
    expect(now.body).toMatchObject({ plan: 'flat', pendingPlan: null, planEffectiveFrom: null });
    service.clock.set('2026-10-10T00:00:00Z');
  });

  it('shows the catalog and the default plan', async () => {
    const response = await service.http().get('/v1/plans').expect(200);
    expect(response.body).toEqual({
      data: [
        { code: 'postpaid', type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
        { code: 'prepaid', type: 'prepaid', ratePerMinute: '0.02', currency: 'USD' },
        {
          code: 'flat',
          type: 'flat',
          monthlyFee: '20.00',
          includedMinutes: null,
          overageRatePerMinute: '0.02',
          currency: 'USD',
        },
      ],
      defaultPlan: 'postpaid',
    });
  });
});
