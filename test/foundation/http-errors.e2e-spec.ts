import type { Response } from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

/** What every refusal shares, whichever layer produced it. */
function expectProblem(response: Response, status: number, type: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toEqual({
    type: `https://phone-billing.dev/problems/${type}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['x-request-id']).toEqual(expect.any(String));
  expect(response.text).not.toMatch(/FST_|fastify|nest/i);
}

describe('Refusals of the HTTP layer', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service.close());

  describe('by the router, before authentication', () => {
    it('answers a path parameter over 100 characters with a 414 problem that does not echo the path', async () => {
      const id = 'a'.repeat(101);
      for (const request of [service.anonymous(), service.http()]) {
        const response = await request.get(`/v1/customers/${id}`);
        expectProblem(response, 414, 'uri-too-long');
        expect(response.text).not.toContain(id);
      }
      await service
        .http()
        .get(`/v1/customers/${'a'.repeat(100)}`)
        .expect(400);
    });

    it('answers a path that is not valid percent-encoding with a 400 problem', async () => {
      for (const path of ['/v1/customers/%ZZ', '/v1/invoices/%E0%A4%A', '/nowhere/%']) {
        const response = await service.anonymous().get(path);
        expectProblem(response, 400, 'malformed-url');
        expect(response.text).not.toContain(path);
      }
    });
  });

  describe('for a path the service does not have', () => {
    it('answers 404 without echoing the path', async () => {
      const response = await service.http().get('/v1/nowhere/<script>');
      expectProblem(response, 404, 'not-found');
      expect(response.text).not.toContain('nowhere');
    });

    it.each(['DELETE', 'TRACE', 'PATCH', 'OPTIONS'])(
      'answers %s on an existing path with 405 and Allow',
      async (method) => {
        const response = await service.http()[method.toLowerCase() as 'delete']('/v1/plans');
        expectProblem(response, 405, 'method-not-allowed');
        expect(response.headers.allow).toBe('GET, HEAD');
      },
    );

    it('names every method a parameterised path takes', async () => {
      const id = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';
      const response = await service.http().delete(`/v1/customers/${id}/invoices`);
      expectProblem(response, 405, 'method-not-allowed');
      expect(response.headers.allow).toBe('GET, HEAD, POST');
      expect(response.body.detail).toBe('This path takes GET, HEAD, POST only.');
    });
  });

  describe('by the body parser', () => {
    it.each([
      ['text/plain', 'hello', 415, 'unsupported-media-type'],
      ['application/json', '{"name":', 400, 'malformed-json'],
    ])('answers a %s body %j with a %i problem in its own words', async (type, body, status, problem) => {
      const response = await service.http().post('/v1/customers').set('Content-Type', type).send(body);
      expectProblem(response, status, problem);
    });
  });

  describe('request ids', () => {
    it("echoes a client's safe X-Request-Id, and replaces an unsafe one", async () => {
      const echoed = await service.http().get('/v1/plans').set('X-Request-Id', 'switch-7:req.42');
      expect(echoed.headers['x-request-id']).toBe('switch-7:req.42');
      const replaced = await service.http().get('/v1/plans').set('X-Request-Id', 'a b');
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const refused = await service.anonymous().get('/v1/customers/%ZZ').set('X-Request-Id', 'bad-url-1');
      expect(refused.headers['x-request-id']).toBe('bad-url-1');
    });
  });
});

describe('Refusals of the rate limiter', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ env: { OPERATOR_RATE_LIMIT_PER_MINUTE: '1' } });
  });
  afterAll(() => service.close());

  it('answer 429 as a problem with Retry-After and the security headers', async () => {
    await service.http().get('/v1/plans').expect(200);
    const response = await service.http().get('/v1/plans');
    expectProblem(response, 429, 'too-many-requests');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });
});
