import { aCall, aCustomer, postCalls } from '../support/mothers';
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
