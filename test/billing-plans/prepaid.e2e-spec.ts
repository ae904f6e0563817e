import { aCall, aCustomer, CreatedCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Prepaid plan', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-10T00:00:00Z' });
  });
  afterAll(() => service.close());

  const topUp = (customer: CreatedCustomer, amount: string, reference: string) =>
    service.http().post(`/v1/customers/${customer.id}/top-ups`).send({ amount, reference });
  const balance = async (customer: CreatedCustomer) =>
    (await service.http().get(`/v1/customers/${customer.id}/balance`).expect(200)).body;
  const call = (customer: CreatedCustomer, minutes: number, startedAt = '2026-10-09T10:00:00Z') =>
    service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: customer.phoneNumber, minutes, startedAt }))
      .expect(201);

  it('credits a top-up once per reference and refuses another amount under it', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    expect((await topUp(customer, '10.00', 'pay-991').expect(201)).body).toEqual({
      balance: { amount: '10.00', currency: 'USD' },
    });
    expect((await topUp(customer, '10.00', 'pay-991').expect(200)).body).toEqual({
      balance: { amount: '10.00', currency: 'USD' },
    });
    expect((await topUp(customer, '11.00', 'pay-991').expect(409)).body.type).toContain(
      '/problems/top-up-reference-conflict',
    );
    expect(await balance(customer)).toEqual({
      balance: { amount: '10.00', currency: 'USD' },
      remainingMinutes: 500,
    });
  });

  it.each(['0', '0.00', '-5.00', '10.001', '10000.01', '1e3', 'ten'])(
    'refuses a top-up of %j',
    async (amount) => {
      const customer = await aCustomer(service, { plan: 'prepaid' });
      await topUp(customer, amount, 'bad').expect(400);
    },
  );

  it('draws each call from the balance, records what it covered, and lets the balance go negative', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '0.10', 'small').expect(201);
    const first = await call(customer, 3); // 0.06, fully covered
    expect(first.body).toMatchObject({
      charge: { amount: '0.06' },
      coveredByBalance: { amount: '0.06', currency: 'USD' },
    });
    const second = await call(customer, 4); // 0.08, 0.04 covered
    expect(second.body.coveredByBalance).toEqual({ amount: '0.04', currency: 'USD' });
    const third = await call(customer, 1); // balance at -0.04: nothing covered
    expect(third.body.coveredByBalance).toEqual({ amount: '0.00', currency: 'USD' });
    expect(await balance(customer)).toEqual({
      balance: { amount: '-0.06', currency: 'USD' },
      remainingMinutes: 0,
    });
  });

  it('draws exactly 50 charges for 50 concurrent calls against one balance', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '1.00', 'fifty').expect(201);
    await Promise.all(Array.from({ length: 50 }, () => call(customer, 1)));
    expect((await balance(customer)).balance.amount).toBe('0.00');
    const [covered] = await service.sql<{ sum: string; n: string }>(
      'SELECT sum(covered_by_balance) AS sum, count(*) AS n FROM calls WHERE customer_id = $1',
      [customer.id],
    );
    expect(covered).toEqual({ sum: '1.00', n: '50' });
    const [ledger] = await service.sql<{ sum: string }>(
      'SELECT sum(amount) AS sum FROM prepaid_ledger_entries WHERE customer_id = $1',
      [customer.id],
    );
    expect(ledger.sum).toBe('0.00');
  });

  it('invoices usage, subtracts what the balance paid, and moves the debt from the balance to the invoice', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '0.10', 'inv').expect(201);
    await call(customer, 15); // 0.30: 0.10 covered, 0.20 owed
    service.clock.set('2026-11-02T00:00:00Z');
    await call(customer, 1, '2026-11-01T12:00:00Z'); // next period: its 0.02 debt stays on the balance
    expect((await balance(customer)).balance.amount).toBe('-0.22');

    const invoice = await service
      .http()
      .post(`/v1/customers/${customer.id}/invoices`)
      .send({ period: '2026-10' })
      .expect(201);
    expect(invoice.body).toMatchObject({
      plan: 'prepaid',
      lines: [
        { kind: 'usage', quantity: 15, unitPrice: '0.02', amount: '0.30' },
        { kind: 'prepaid_applied', amount: '-0.10' },
      ],
      total: { amount: '0.20', currency: 'USD' },
    });
    expect((await balance(customer)).balance.amount).toBe('-0.02');
    service.clock.set('2026-10-10T00:00:00Z');
  });

  it('answers 409 for top-ups and balance when the plan in force is not prepaid', async () => {
    const customer = await aCustomer(service, { plan: 'postpaid' });
    await topUp(customer, '5.00', 'x').expect(409);
    await service.http().get(`/v1/customers/${customer.id}/balance`).expect(409);
  });
});
