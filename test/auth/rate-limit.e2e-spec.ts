import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { aCustomerWithKey, CustomerWithKey } from './auth-fixture';

describe('Rate limits per API key', () => {
  let service: TestApp;
  let ada: CustomerWithKey;
  let bob: CustomerWithKey;

  beforeAll(async () => {
    service = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '3', OPERATOR_RATE_LIMIT_PER_MINUTE: '0' },
    });
    ada = await aCustomerWithKey(service);
    bob = await aCustomerWithKey(service);
  });
  afterAll(() => service.close());

  const as = (key: string, path: string) =>
    service.anonymous().get(path).set('Authorization', `Bearer ${key}`);

  it('answers 429 with Retry-After once a customer key has used its requests, across all routes', async () => {
    await as(ada.key, `/v1/customers/${ada.id}`).expect(200);
    await as(ada.key, `/v1/customers/${ada.id}/calls`).expect(200);
    const last = await as(ada.key, '/v1/plans').expect(200);
    expect(last.headers['x-ratelimit-limit']).toBe('3');
    expect(last.headers['x-ratelimit-remaining']).toBe('0');

    const refused = await as(ada.key, `/v1/customers/${ada.id}`).expect(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 429,
      type: expect.stringContaining('/problems/too-many-requests'),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("does not count one customer's requests against another's", async () => {
    await as(bob.key, `/v1/customers/${bob.id}`).expect(200);
  });

  it('leaves the operator key unlimited by default', async () => {
    for (let i = 0; i < 8; i += 1) await as(OPERATOR_KEY, '/v1/plans').expect(200);
  });

  it('turns off with 0, as the tests run', async () => {
    const unlimited = await startTestApp();
    try {
      const carol = await aCustomerWithKey(unlimited);
      for (let i = 0; i < 8; i += 1) {
        await unlimited.anonymous().get('/v1/plans').set('Authorization', `Bearer ${carol.key}`).expect(200);
      }
    } finally {
      await unlimited.close();
    }
  });
});

describe('Rate limit of the operator key, when set', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '0', OPERATOR_RATE_LIMIT_PER_MINUTE: '2' },
    });
  });
  afterAll(() => service.close());

  it('applies OPERATOR_RATE_LIMIT_PER_MINUTE to the operator key', async () => {
    await service.http().get('/v1/plans').expect(200);
    await service.http().get('/v1/plans').expect(200);
    await service.http().get('/v1/plans').expect(429);
  });
});
