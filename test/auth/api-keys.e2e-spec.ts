import { createHash, randomUUID } from 'node:crypto';
import { everyStoredRow } from '../support/db-fingerprint';
import { aPhoneNumber } from '../support/mothers';
import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { aCustomerWithKey, forgedKeyOf } from './auth-fixture';

const CUSTOMER_KEY = /^pbk_c_([0-9a-f]{32})_[A-Za-z0-9_-]{43}$/;

describe('Customer API keys', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  const asKey = (key: string, path: string) =>
    service.anonymous().get(path).set('Authorization', `Bearer ${key}`);

  it('returns a prefixed key naming the customer once, at creation, and never again', async () => {
    const created = await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Ada', phoneNumbers: [aPhoneNumber()] })
      .expect(201);
    const { id, apiKey } = created.body;
    expect(apiKey).toMatch(CUSTOMER_KEY);
    expect(CUSTOMER_KEY.exec(apiKey)![1]).toBe(id.replace(/-/g, ''));

    const asOperator = await service.http().get(`/v1/customers/${id}`).expect(200);
    const asItself = await asKey(apiKey, `/v1/customers/${id}`).expect(200);
    const list = await service.http().get('/v1/customers').expect(200);
    for (const body of [asOperator.body, asItself.body, ...list.body.data])
      expect(body).not.toHaveProperty('apiKey');
  });

  it('stores only the SHA-256 of the key, and the key itself nowhere', async () => {
    const customer = await aCustomerWithKey(service);
    const [row] = await service.sql<{ hash: string }>(
      'SELECT encode(key_hash, $2) AS hash FROM customer_api_keys WHERE customer_id = $1',
      [customer.id, 'hex'],
    );
    expect(row.hash).toBe(createHash('sha256').update(customer.key).digest('hex'));
    const secret = customer.key.split('_').slice(3).join('_');
    expect(await everyStoredRow(service)).not.toContain(secret);
  });

  it('each customer gets a different key', async () => {
    const keys = await Promise.all([1, 2, 3].map(() => aCustomerWithKey(service)));
    expect(new Set(keys.map((customer) => customer.key)).size).toBe(3);
  });

  it('rotation by the operator returns a new key once; the old one stops working at once', async () => {
    const customer = await aCustomerWithKey(service);
    const rotated = await service.http().post(`/v1/customers/${customer.id}/api-key`).expect(201);
    expect(rotated.body).toEqual({ customerId: customer.id, apiKey: expect.stringMatching(CUSTOMER_KEY) });
    expect(rotated.body.apiKey).not.toBe(customer.key);

    const old = await asKey(customer.key, `/v1/customers/${customer.id}`).expect(401);
    expect(old.body.type).toContain('/problems/invalid-api-key');
    await asKey(rotated.body.apiKey, `/v1/customers/${customer.id}`).expect(200);
    const [{ count }] = await service.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM customer_api_keys WHERE customer_id = $1',
      [customer.id],
    );
    expect(count).toBe(1);
  });

  it('a customer may rotate its own key, and then only the new one works', async () => {
    const customer = await aCustomerWithKey(service);
    const rotated = await service
      .anonymous()
      .post(`/v1/customers/${customer.id}/api-key`)
      .set('Authorization', `Bearer ${customer.key}`)
      .send({})
      .expect(201);
    await asKey(customer.key, `/v1/customers/${customer.id}/calls`).expect(401);
    await asKey(rotated.body.apiKey, `/v1/customers/${customer.id}/calls`).expect(200);
  });

  it("rotating another customer's key, or a customer that does not exist, is a 404", async () => {
    const ada = await aCustomerWithKey(service);
    const bob = await aCustomerWithKey(service);
    await service
      .anonymous()
      .post(`/v1/customers/${bob.id}/api-key`)
      .set('Authorization', `Bearer ${ada.key}`)
      .expect(404);
    await asKey(bob.key, `/v1/customers/${bob.id}`).expect(200);
    const missing = await service.http().post(`/v1/customers/${randomUUID()}/api-key`).expect(404);
    expect(missing.body.type).toContain('/problems/customer-not-found');
  });

  it('rotation takes no body fields', async () => {
    const customer = await aCustomerWithKey(service);
    const response = await service
      .http()
      .post(`/v1/customers/${customer.id}/api-key`)
      .send({ apiKey: 'mine' })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'apiKey', message: 'is not a known field' }]);
    await asKey(customer.key, `/v1/customers/${customer.id}`).expect(200);
  });

  it('a customer without a key (registered before keys existed) gets one by rotation', async () => {
    const customer = await aCustomerWithKey(service);
    await service.sql('DELETE FROM customer_api_keys WHERE customer_id = $1', [customer.id]);
    await asKey(customer.key, `/v1/customers/${customer.id}`).expect(401);
    const rotated = await service.http().post(`/v1/customers/${customer.id}/api-key`).expect(201);
    await asKey(rotated.body.apiKey, `/v1/customers/${customer.id}`).expect(200);
  });

  it("another customer's resource reads exactly like a missing one", async () => {
    const ada = await aCustomerWithKey(service);
    const bob = await aCustomerWithKey(service);
    const hidden = await asKey(ada.key, `/v1/customers/${bob.id}`).expect(404);
    const missing = await service
      .http()
      .get(`/v1/customers/${bob.id.replace(/^.{8}/, '00000000')}`)
      .expect(404);
    const shape = (body: any, id: string) => ({ ...body, detail: body.detail.replace(id, '<id>') });
    expect(shape(hidden.body, bob.id)).toEqual(shape(missing.body, bob.id.replace(/^.{8}/, '00000000')));
  });

  it('compares customer ids as the path pipe does (case-insensitively), and refuses a malformed one with 400', async () => {
    const customer = await aCustomerWithKey(service);
    await asKey(customer.key, `/v1/customers/${customer.id.toUpperCase()}`).expect(200);
    const malformed = await asKey(customer.key, '/v1/customers/not-a-uuid').expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'customerId', message: 'must be a UUID' }]);
  });

  it.each([
    ['an unknown bearer token', 'Bearer not-a-key-at-all'],
    ['the operator key with a character more', `Bearer ${OPERATOR_KEY}x`],
    ['the operator key under another scheme', `Basic ${OPERATOR_KEY}`],
    ['the operator key without a scheme', OPERATOR_KEY],
    ['a bare scheme', 'Bearer'],
    ['a customer-shaped key with a forged secret', `Bearer ${forgedKeyOf(randomUUID())}`],
    ['two tokens', `Bearer ${OPERATOR_KEY} ${OPERATOR_KEY}`],
  ])('refuses %s with 401 and WWW-Authenticate: Bearer', async (_name, header) => {
    const response = await service.anonymous().get('/v1/plans').set('Authorization', header).expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 401,
      type: expect.stringContaining('/problems/invalid-api-key'),
    });
  });

  it('names a missing key apart from a wrong one', async () => {
    const response = await service.anonymous().get('/v1/plans').expect(401);
    expect(response.body.type).toContain('/problems/missing-api-key');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('takes the scheme name in any case', async () => {
    await service.anonymous().get('/v1/plans').set('Authorization', `bearer ${OPERATOR_KEY}`).expect(200);
  });

  it('keeps /health and the docs open', async () => {
    await service.anonymous().get('/health').expect(200);
    await service.anonymous().get('/docs-json').expect(200);
    await service.anonymous().get('/docs').redirects(1).expect(200);
    await service.anonymous().get('/health').set('Authorization', 'Bearer wrong').expect(200);
  });
});
