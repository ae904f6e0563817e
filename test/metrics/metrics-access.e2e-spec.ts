import { aCustomer } from '../support/mothers';
import { OPERATOR_KEY, startTestApp, type TestApp } from '../support/test-app';

const METRICS_TOKEN = 'test-metrics-token-0123456789';

describe('Who may scrape GET /metrics', () => {
  let service: TestApp;
  let customerKey: string;

  beforeAll(async () => {
    service = await startTestApp({ env: { METRICS_TOKEN, RATE_LIMIT_PER_MINUTE: '1000' } });
    customerKey = (await aCustomer(service)).apiKey!;
  });
  afterAll(() => service.close());

  const metrics = (key?: string) => {
    const request = service.anonymous().get('/metrics');
    return key === undefined ? request : request.set('Authorization', `Bearer ${key}`);
  };

  it('serves the text format to the operator key and to METRICS_TOKEN', async () => {
    for (const key of [OPERATOR_KEY, METRICS_TOKEN]) {
      const response = await metrics(key).expect(200);
      expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(response.text).toContain('# TYPE phone_billing_calls_total counter');
    }
  });

  it('answers 401 without a key or with a wrong one, and 403 to a customer key, as problems', async () => {
    const missing = await metrics().expect(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.body.type).toContain('/problems/missing-api-key');
    const wrong = await metrics(`${METRICS_TOKEN}x`).expect(401);
    expect(wrong.body.type).toContain('/problems/invalid-api-key');
    const customer = await metrics(customerKey).expect(403);
    expect(customer.headers['content-type']).toContain('application/problem+json');
    expect(customer.body.type).toContain('/problems/operator-key-required');
  });

  it('takes METRICS_TOKEN on /metrics alone: anywhere else it is a wrong key', async () => {
    const response = await service
      .anonymous()
      .get('/v1/customers')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(401);
    expect(response.body.type).toContain('/problems/invalid-api-key');
  });

  it('refuses a query parameter, as every operation does', async () => {
    await service.http().get('/metrics?name=phone_billing_calls_total').expect(400);
  });

  it('limits scrapes with METRICS_TOKEN per client IP like the open routes, and the operator key by its own limit (off)', async () => {
    const byToken = await metrics(METRICS_TOKEN).expect(200);
    expect(byToken.headers['x-ratelimit-limit']).toBe('1000');
    const byOperator = await metrics(OPERATOR_KEY).expect(200);
    expect(byOperator.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
