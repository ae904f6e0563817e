import { dbFingerprint } from '../support/db-fingerprint';
import { aCall, aPhoneNumber, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';
import { aCustomerWithKey, CustomerWithKey } from '../auth/auth-fixture';

describe('Hardening', () => {
  let service: TestApp;
  let ada: CustomerWithKey;
  let bob: CustomerWithKey;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    ada = await aCustomerWithKey(service);
    bob = await aCustomerWithKey(service);
    const calls = (customer: CustomerWithKey) =>
      [1, 2, 3].map((day) =>
        aCall({ phoneNumber: customer.phoneNumber, startedAt: `2026-10-0${day}T10:00:00Z` }),
      );
    await postCalls(service, [...calls(ada), ...calls(bob)]);
  });
  afterAll(() => service.close());

  const asAda = (path: string) => service.anonymous().get(path).set('Authorization', `Bearer ${ada.key}`);

  describe('security headers', () => {
    it('sends a strict CSP and helmet headers with API responses, and no framework name', async () => {
      const response = await asAda(`/v1/customers/${ada.id}`).expect(200);
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      );
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('sends the same headers with problems', async () => {
      const response = await service.anonymous().get('/v1/plans').expect(401);
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('relaxes the CSP only as far as Swagger UI needs, and the UI and its assets load', async () => {
      const page = await service.anonymous().get('/docs').redirects(1).expect(200);
      const policy = page.headers['content-security-policy'];
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toContain('upgrade-insecure-requests');
      for (const asset of page.text.match(/(?:src|href)="(?:\.\/docs\/|\.\/)?([\w./-]+\.(?:js|css))"/g) ??
        []) {
        const file = /"(?:\.\/docs\/|\.\/)?([\w./-]+)"/.exec(asset)![1];
        await service.anonymous().get(`/docs/${file}`).expect(200);
      }
      await service.anonymous().get('/docs/swagger-ui-init.js').expect(200);
    });
  });

  describe('request bodies', () => {
    it('takes a batch of 10,000 calls', async () => {
      const customer = await aCustomerWithKey(service);
      const calls = Array.from({ length: 10_000 }, (_, i) =>
        aCall({
          callId: `big-batch-${i}`,
          phoneNumber: customer.phoneNumber,
          startedAt: `2026-10-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
        }),
      );
      const response = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
      expect(response.body).toMatchObject({ accepted: 10_000, duplicates: 0, rejected: [] });
    }, 30_000);

    it('refuses a body over 5 MiB with a 413 problem, storing nothing', async () => {
      const before = await dbFingerprint(service);
      const response = await service
        .http()
        .post('/v1/calls/batch')
        .set('Content-Type', 'application/json')
        .send(`{"calls":[],"padding":"${'x'.repeat(5 * 1024 * 1024)}"}`)
        .expect(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.status).toBe(413);
      expect(await dbFingerprint(service)).toEqual(before);
    });

    it.each([
      ['__proto__', '{"name":"Eve","__proto__":{"isOperator":true}}'],
      ['constructor.prototype', '{"name":"Eve","constructor":{"prototype":{"isOperator":true}}}'],
      ['nested __proto__', '{"name":"Eve","phoneNumbers":[{"__proto__":{"x":1}}]}'],
    ])('refuses prototype poisoning through %s with a 400 problem', async (_name, body) => {
      const before = await dbFingerprint(service);
      const response = await service
        .http()
        .post('/v1/customers')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(({} as Record<string, unknown>).isOperator).toBeUndefined();
      expect(await dbFingerprint(service)).toEqual(before);
    });

    it('refuses NUL characters, which PostgreSQL text cannot hold, with a 400 naming the field', async () => {
      const response = await service
        .http()
        .post('/v1/customers')
        .send({ name: 'Eve\u0000', phoneNumbers: [aPhoneNumber()] })
        .expect(400);
      expect(response.body.errors).toEqual([{ field: 'name', message: 'must not contain NUL characters' }]);
      await service
        .http()
        .post('/v1/calls')
        .send(aCall({ phoneNumber: ada.phoneNumber, destination: 'a\u0000' }))
        .expect(400);
      await asAda(`/v1/customers/${ada.id}/calls?phoneNumber=%00`).expect(400);
    });

    it('refuses an unpaired surrogate, which no validator can read, with a 400 naming the field', async () => {
      const before = await dbFingerprint(service);
      const response = await service
        .http()
        .post('/v1/customers')
        .set('content-type', 'application/json')
        .send('{"name":"Eve","email":"\\udfff"}')
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'email', message: 'must be valid Unicode text (an unpaired surrogate)' },
      ]);
      expect(await dbFingerprint(service)).toEqual(before);
    });

    it.each([
      ['constructor', { name: 'Eve', constructor: { name: 'Object' } }, 'constructor'],
      ['prototype', { name: 'Eve', phoneNumbers: [], prototype: 1 }, 'prototype'],
    ])('refuses a %s field as unknown rather than dropping it', async (_name, body, field) => {
      const response = await service.http().post('/v1/customers').send(body).expect(400);
      expect(response.body.errors).toEqual([{ field, message: 'is not a known field' }]);
    });

    it('refuses JSON nested deeper than any request needs', async () => {
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const response = await service
        .http()
        .post('/v1/customers')
        .set('Content-Type', 'application/json')
        .send(`{"name":"Eve","phoneNumbers":${deep}}`)
        .expect(400);
      expect(response.body.errors[0].message).toContain('nested more than');
    });

    it.each([
      ['text/plain', '{"name":"Eve"}', 415],
      ['application/json', '{"name":', 400],
      ['application/json', '', 400],
      ['application/x-www-form-urlencoded', 'name=Eve', 415],
    ])('answers a %s body %j with a %i problem', async (type, body, status) => {
      const response = await service
        .http()
        .post('/v1/customers')
        .set('Content-Type', type)
        .send(body)
        .expect(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('path and query parameters', () => {
    it.each([
      'limit=0',
      'limit=501',
      'limit=1.5',
      'limit=abc',
      'limit=1&limit=2',
      'limit=-1',
      'limit=1e2',
      'cursor=a&cursor=b',
      'period=2026-13',
      'period=2026-1',
      'from=yesterday',
      'to=tomorrow',
      'phoneNumber=12',
      'unknown=1',
      '__proto__=1',
      'constructor=1',
    ])('refuses ?%s with a 400 problem', async (query) => {
      const response = await asAda(`/v1/customers/${ada.id}/calls?${query}`).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it.each(['not-a-uuid', '1', "'; DROP TABLE calls; --", '%00', '00000000-0000-0000-0000-00000000000g'])(
      'refuses the path id %j with a 400 problem',
      async (id) => {
        const response = await service
          .http()
          .get(`/v1/invoices/${encodeURIComponent(id)}`)
          .expect(400);
        expect(response.body.errors).toEqual([{ field: 'invoiceId', message: 'must be a UUID' }]);
      },
    );
  });

  describe('cursors', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it.each([
      ['not base64 JSON', '%%%'],
      ['JSON that is not an object', encode([1, 2])],
      ['a null', encode(null)],
      ['missing fields', encode({ id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11' })],
      ['an invalid date', encode({ startedAt: 'yesterday', id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11' })],
      [
        'an impossible date',
        encode({ startedAt: '2026-10-99T99:99:99Z', id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11' }),
      ],
      ['a non-uuid id', encode({ startedAt: '2026-10-01T00:00:00.000Z', id: "1' OR '1'='1" })],
      ['numbers for strings', encode({ startedAt: 1, id: 2 })],
    ])('refuses a cursor with %s as 400 invalid-cursor', async (_name, cursor) => {
      const response = await asAda(`/v1/customers/${ada.id}/calls?cursor=${cursor}`).expect(400);
      expect(response.body.type).toContain('/problems/invalid-cursor');
      const invoices = await asAda(`/v1/customers/${ada.id}/invoices?cursor=${cursor}`).expect(400);
      expect(invoices.body.type).toContain('/problems/invalid-cursor');
      const customers = await service.http().get(`/v1/customers?cursor=${cursor}`).expect(400);
      expect(customers.body.type).toContain('/problems/invalid-cursor');
    });

    it('refuses the cursor of another list', async () => {
      const invoiceCursor = encode({ period: '2026-09', id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11' });
      await asAda(`/v1/customers/${ada.id}/calls?cursor=${invoiceCursor}`).expect(400);
      const callCursor = encode({
        startedAt: '2026-10-01T00:00:00.000Z',
        id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11',
      });
      await asAda(`/v1/customers/${ada.id}/invoices?cursor=${callCursor}`).expect(400);
    });

    it("cannot be forged into another customer's data: a cursor only moves within the path's customer", async () => {
      const bobsCalls = await service.http().get(`/v1/customers/${bob.id}/calls?limit=1`).expect(200);
      const bobsCursor = bobsCalls.body.nextCursor as string;
      const farFuture = encode({
        startedAt: '9999-12-31T00:00:00.000Z',
        id: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
      });
      for (const cursor of [bobsCursor, farFuture]) {
        const page = await asAda(`/v1/customers/${ada.id}/calls?cursor=${cursor}`).expect(200);
        expect(page.body.data.length).toBeGreaterThan(0);
        for (const call of page.body.data) expect(call.customerId).toBe(ada.id);
      }
      await asAda(`/v1/customers/${bob.id}/calls?cursor=${bobsCursor}`).expect(404);
    });
  });
});
