import { aCall, aCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Issuing one invoice on demand', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-01T00:00:00Z' });
  });
  afterAll(() => service.close());
  const issue = (customerId: string, period: string) =>
    service.http().post(`/v1/customers/${customerId}/invoices`).send({ period });

  it('closes a Europe/Lisbon October at local midnight after the autumn DST change', async () => {
    service.clock.set('2026-10-01T00:00:00Z');
    const customer = await aCustomer(service, { timezone: 'Europe/Lisbon' });
    service.clock.set('2026-10-31T23:59:59Z');
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-05T14:03:00Z', minutes: 3 }),
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-31T23:59:00Z', minutes: 2 }),
    ]);
    expect((await issue(customer.id, '2026-10').expect(409)).body.type).toContain(
      '/problems/period-not-closed',
    );

    service.clock.set('2026-11-01T00:00:00Z');
    const created = await issue(customer.id, '2026-10').expect(201);
    expect(created.body).toMatchObject({
      number: 'INV-2026-000001',
      customerId: customer.id,
      period: '2026-10',
      periodStart: '2026-09-30T23:00:00Z',
      periodEnd: '2026-11-01T00:00:00Z',
      timezone: 'Europe/Lisbon',
      plan: 'postpaid',
      status: 'issued',
      issuedAt: '2026-11-01T00:00:00Z',
      callCount: 2,
      minutes: 5,
      lines: [
        {
          kind: 'usage',
          description: '5 minutes at 0.02 USD',
          period: '2026-10',
          quantity: 5,
          unitPrice: '0.02',
          amount: '0.10',
        },
      ],
      total: { amount: '0.10', currency: 'USD' },
    });

    const again = await issue(customer.id, '2026-10').expect(200);
    expect(again.body).toEqual(created.body);
    expect((await service.http().get(`/v1/invoices/${created.body.id}`).expect(200)).body).toEqual(
      created.body,
    );
  });

  it('closes a Europe/Lisbon March at local midnight after the spring DST change', async () => {
    service.clock.set('2026-02-15T00:00:00Z');
    const customer = await aCustomer(service, { timezone: 'Europe/Lisbon' });
    service.clock.set('2026-03-31T22:59:59Z');
    await issue(customer.id, '2026-03').expect(409);
    service.clock.set('2026-03-31T23:00:00Z');
    const invoice = await issue(customer.id, '2026-03').expect(201);
    expect(invoice.body).toMatchObject({
      periodStart: '2026-03-01T00:00:00Z',
      periodEnd: '2026-03-31T23:00:00Z',
    });
  });

  it.each([
    ['Pacific/Kiritimati', '2026-10-31T09:59:59Z', '2026-10-31T10:00:00Z'],
    ['Pacific/Pago_Pago', '2026-11-01T10:59:59Z', '2026-11-01T11:00:00Z'],
  ])('closes October in %s at local midnight', async (timezone, justBefore, midnight) => {
    service.clock.set('2026-09-01T00:00:00Z');
    const customer = await aCustomer(service, { timezone });
    service.clock.set(justBefore);
    await issue(customer.id, '2026-10').expect(409);
    service.clock.set(midnight);
    const invoice = await issue(customer.id, '2026-10').expect(201);
    expect(invoice.body.periodEnd).toBe(midnight);
    expect(invoice.body.total).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('answers 409 for a period the customer is not due (created after it, no calls in it)', async () => {
    service.clock.set('2026-11-10T00:00:00Z');
    const customer = await aCustomer(service);
    expect((await issue(customer.id, '2026-10').expect(409)).body.type).toContain(
      '/problems/not-due-an-invoice',
    );
  });

  it('invoices a period before the customer existed when it has calls (migrated records)', async () => {
    service.clock.set('2026-11-10T00:00:00Z');
    const customer = await aCustomer(service);
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-09-20T10:00:00Z', minutes: 10 }),
    ]);
    const invoice = await issue(customer.id, '2026-09').expect(201);
    expect(invoice.body.total).toEqual({ amount: '0.20', currency: 'USD' });
  });

  it('answers 400 for a malformed period and 404 for an unknown customer', async () => {
    const customer = await aCustomer(service);
    await issue(customer.id, '2026-1').expect(400);
    await issue(customer.id, 'october').expect(400);
    await issue('6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00', '2026-09').expect(404);
  });

  it("lists a customer's invoices newest period first", async () => {
    service.clock.set('2026-07-15T00:00:00Z');
    const customer = await aCustomer(service);
    service.clock.set('2026-10-15T00:00:00Z');
    for (const period of ['2026-08', '2026-07', '2026-09']) await issue(customer.id, period).expect(201);
    const page = await service.http().get(`/v1/customers/${customer.id}/invoices?limit=2`).expect(200);
    expect(page.body.data.map((invoice: { period: string }) => invoice.period)).toEqual([
      '2026-09',
      '2026-08',
    ]);
    const next = await service
      .http()
      .get(`/v1/customers/${customer.id}/invoices?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body).toMatchObject({ data: [{ period: '2026-07' }], nextCursor: null });
  });
});
