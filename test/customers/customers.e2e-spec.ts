import { aCustomer, aPhoneNumber } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Customers', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  it('registers a customer with normalised E.164 numbers and the default plan and zone', async () => {
    const response = await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Grace Hopper', phoneNumbers: ['+1 415 555 0100'] })
      .expect(201);
    expect(response.body).toMatchObject({
      name: 'Grace Hopper',
      email: null,
      timezone: 'UTC',
      plan: 'postpaid',
      pendingPlan: null,
      planEffectiveFrom: null,
      phoneNumbers: ['+14155550100'],
      createdAt: '2026-10-15T12:00:00.000Z',
    });
    await service
      .http()
      .get(`/v1/customers/${response.body.id}`)
      .expect(200)
      .expect((r) => {
        expect(r.body.phoneNumbers).toEqual(['+14155550100']);
      });
  });

  it('rejects a number that is not valid by the full metadata', async () => {
    const response = await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Nobody', phoneNumbers: ['+1 415 555 01'] })
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.type).toContain('/problems/invalid-phone-number');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'phoneNumbers[0]' })]);
  });

  it('rejects an unknown time zone, an unknown plan and unknown fields', async () => {
    await service.http().post('/v1/customers').send({ name: 'X', timezone: 'Mars/Olympus' }).expect(400);
    const plan = await service.http().post('/v1/customers').send({ name: 'X', plan: 'gold' }).expect(400);
    expect(plan.body.type).toContain('/problems/unknown-plan');
    const unknown = await service.http().post('/v1/customers').send({ name: 'X', vip: true }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'vip', message: 'is not a known field' }]);
  });

  it('answers 409 and creates nothing when a number belongs to another customer', async () => {
    const taken = aPhoneNumber();
    await aCustomer(service, { phoneNumbers: [taken] });
    const before = await service.sql<{ count: string }>('SELECT count(*) FROM customers');
    const response = await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Second', phoneNumbers: [aPhoneNumber(), taken] })
      .expect(409);
    expect(response.body.type).toContain('/problems/phone-number-taken');
    const after = await service.sql<{ count: string }>('SELECT count(*) FROM customers');
    expect(after[0].count).toBe(before[0].count);
  });

  it("adds a phone number: 201 new, 200 already this customer's, 409 another's", async () => {
    const ada = await aCustomer(service);
    const other = await aCustomer(service);
    const number = aPhoneNumber();
    await service.http().post(`/v1/customers/${ada.id}/phone-numbers`).send({ number }).expect(201);
    const again = await service
      .http()
      .post(`/v1/customers/${ada.id}/phone-numbers`)
      .send({ number })
      .expect(200);
    expect(again.body.phoneNumbers).toEqual([ada.phoneNumber, number]);
    await service.http().post(`/v1/customers/${other.id}/phone-numbers`).send({ number }).expect(409);
  });

  it('answers 404 for an unknown customer and 400 for a malformed id', async () => {
    await service.http().get('/v1/customers/6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00').expect(404);
    const malformed = await service.http().get('/v1/customers/not-a-uuid').expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'customerId', message: 'must be a UUID' }]);
  });

  it('keeps a plan change pending until the first day of the next period', async () => {
    const customer = await aCustomer(service, { timezone: 'Pacific/Kiritimati' });
    const response = await service
      .http()
      .put(`/v1/customers/${customer.id}/plan`)
      .send({ plan: 'flat' })
      .expect(200);
    expect(response.body).toMatchObject({
      plan: 'postpaid',
      pendingPlan: 'flat',
      planEffectiveFrom: '2026-11',
    });
  });

  it('lists customers oldest first, a page at a time, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await service
        .http()
        .get('/v1/customers')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .expect(200);
      seen.push(...page.body.data.map((customer) => customer.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const stored = await service.sql<{ id: string }>('SELECT id FROM customers ORDER BY created_at, id');
    expect(seen).toEqual(stored.map((row) => row.id));
  });

  it('rejects a limit outside 1..500 and a forged cursor', async () => {
    await service.http().get('/v1/customers?limit=0').expect(400);
    await service.http().get('/v1/customers?limit=501').expect(400);
    await service.http().get('/v1/customers?limit=abc').expect(400);
    const forged = await service.http().get('/v1/customers?cursor=bm90LWpzb24').expect(400);
    expect(forged.body.type).toContain('/problems/invalid-cursor');
  });
});
