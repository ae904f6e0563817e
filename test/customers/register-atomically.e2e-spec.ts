import { aPhoneNumber } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A customer and its first API key are stored in one transaction: a failure after the customer's
 * insert (injected here as a trigger that refuses every key) leaves neither the customer nor its
 * lines behind, and the next registration of the same lines succeeds.
 */
describe('Registering a customer with its first key, atomically', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service.close());

  const count = async (table: 'customers' | 'phone_numbers' | 'customer_api_keys') =>
    Number((await service.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('stores nothing when storing the key fails after the customer was inserted', async () => {
    await service.sql(`
      CREATE FUNCTION refuse_api_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure: the key cannot be stored'; END $$`);
    await service.sql(`
      CREATE TRIGGER refuse_api_keys BEFORE INSERT ON customer_api_keys
      FOR EACH ROW EXECUTE FUNCTION refuse_api_keys()`);
    const phoneNumbers = [aPhoneNumber(), aPhoneNumber()];
    try {
      const response = await service
        .http()
        .post('/v1/customers')
        .send({ name: 'Ada Lovelace', timezone: 'UTC', phoneNumbers })
        .expect(500);
      expect(response.body).toMatchObject({ status: 500 });
      expect(await count('customers')).toBe(0);
      expect(await count('phone_numbers')).toBe(0);
      expect(await count('customer_api_keys')).toBe(0);
    } finally {
      await service.sql('DROP TRIGGER refuse_api_keys ON customer_api_keys');
      await service.sql('DROP FUNCTION refuse_api_keys()');
    }

    // Nothing half-written stands in the way: the same lines register now, with their key.
    const retry = await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Ada Lovelace', timezone: 'UTC', phoneNumbers })
      .expect(201);
    expect(retry.body.apiKey).toMatch(/^pbk_c_/);
    expect(await count('customers')).toBe(1);
    expect(await count('phone_numbers')).toBe(2);
    expect(await count('customer_api_keys')).toBe(1);
  });

  it('stores nothing when one of the lines is taken, and answers 409', async () => {
    const taken = aPhoneNumber();
    await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Bob', phoneNumbers: [taken] })
      .expect(201);
    const before = await Promise.all([
      count('customers'),
      count('phone_numbers'),
      count('customer_api_keys'),
    ]);
    await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Eve', phoneNumbers: [aPhoneNumber(), taken] })
      .expect(409);
    expect(
      await Promise.all([count('customers'), count('phone_numbers'), count('customer_api_keys')]),
    ).toEqual(before);
  });
});
