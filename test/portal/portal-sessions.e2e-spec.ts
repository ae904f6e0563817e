import { createHash } from 'node:crypto';
import { aCustomerWithKey } from '../auth/auth-fixture';
import { everyStoredRow } from '../support/db-fingerprint';
import { aCall, postCalls } from '../support/mothers';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  enterWith,
  get,
  loginForm,
  pathOf,
  portalLink,
  postForm,
  setCookies,
  signInWithKey,
  updated,
} from './portal-http';

const NOW = '2026-10-15T12:00:00.000Z';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

describe('Portal sessions', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: NOW, env: { PUBLIC_BASE_URL: 'https://billing.example.com' } });
  });
  afterAll(() => service.close());
  beforeEach(() => service.clock.set(NOW));

  describe('POST /v1/customers/{id}/portal-sessions', () => {
    it('answers a link under PUBLIC_BASE_URL that expires after PORTAL_LINK_TTL_SECONDS', async () => {
      const customer = await aCustomerWithKey(service);
      const link = await portalLink(service, customer.id);
      const url = new URL(link.url);
      expect(url.origin).toBe('https://billing.example.com');
      expect(url.pathname).toBe('/portal/enter');
      expect([...url.searchParams.keys()]).toEqual(['token']);
      expect(url.searchParams.get('token')).toMatch(TOKEN);
      expect(link.expiresAt).toBe('2026-10-15T12:15:00.000Z');
    });

    it('stores the link token only as its SHA-256', async () => {
      const customer = await aCustomerWithKey(service);
      const token = new URL((await portalLink(service, customer.id)).url).searchParams.get('token')!;
      const [row] = await service.sql<{ hash: string }>(
        "SELECT encode(token_hash, 'hex') AS hash FROM portal_links WHERE customer_id = $1",
        [customer.id],
      );
      expect(row.hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(await everyStoredRow(service)).not.toContain(token);
    });

    it("answers 404 for a customer that does not exist, and 403 to a customer's own key", async () => {
      const missing = await service
        .http()
        .post('/v1/customers/0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11/portal-sessions')
        .expect(404);
      expect(missing.body.type).toContain('/problems/customer-not-found');
      const customer = await aCustomerWithKey(service);
      await service
        .anonymous()
        .post(`/v1/customers/${customer.id}/portal-sessions`)
        .set('Authorization', `Bearer ${customer.key}`)
        .expect(403);
    });

    it('refuses a body with fields, and stores nothing', async () => {
      const customer = await aCustomerWithKey(service);
      const refused = await service
        .http()
        .post(`/v1/customers/${customer.id}/portal-sessions`)
        .send({ ttl: 60 })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'ttl', message: 'is not a known field' }]);
      expect(await service.sql('SELECT 1 FROM portal_links WHERE customer_id = $1', [customer.id])).toEqual(
        [],
      );
    });
  });

  describe('the link', () => {
    it('starts a session with an HttpOnly, SameSite=Lax, Secure cookie lasting PORTAL_SESSION_TTL_SECONDS, and redirects to /portal', async () => {
      const customer = await aCustomerWithKey(service);
      const link = await portalLink(service, customer.id);
      const entered = await get(service, pathOf(link.url)).expect(303);
      expect(entered.headers.location).toBe('/portal');
      const session = setCookies(entered).find((cookie) => cookie.name === 'portal_session')!;
      expect(session.value).toMatch(TOKEN);
      expect(session.attributes).toEqual(
        expect.arrayContaining(['Max-Age=3600', 'Path=/portal', 'HttpOnly', 'Secure', 'SameSite=Lax']),
      );
      const home = await get(service, '/portal', updated({}, entered)).expect(200);
      expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(home.text).toContain('Hello, Ada Lovelace');
    });

    it('works once: opened again it shows a page saying so and starts nothing', async () => {
      const customer = await aCustomerWithKey(service);
      const link = await portalLink(service, customer.id);
      await enterWith(service, link.url);
      const again = await get(service, pathOf(link.url)).expect(410);
      expect(again.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(again.text).toContain('This sign-in link has already been used');
      expect(setCookies(again).map((cookie) => cookie.name)).not.toContain('portal_session');
      const [{ sessions }] = await service.sql<{ sessions: number }>(
        'SELECT count(*)::int AS sessions FROM portal_sessions WHERE customer_id = $1',
        [customer.id],
      );
      expect(sessions).toBe(1);
    });

    it('of two browsers opening it at once, lets exactly one in', async () => {
      const customer = await aCustomerWithKey(service);
      const link = await portalLink(service, customer.id);
      const answers = await Promise.all([1, 2, 3].map(() => get(service, pathOf(link.url))));
      expect(answers.map((answer) => answer.status).sort()).toEqual([303, 410, 410]);
    });

    it('expires after PORTAL_LINK_TTL_SECONDS', async () => {
      const customer = await aCustomerWithKey(service);
      const link = await portalLink(service, customer.id);
      service.clock.advance(900_000);
      const expired = await get(service, pathOf(link.url)).expect(410);
      expect(expired.text).toContain('This sign-in link has expired');
      expect(setCookies(expired).map((cookie) => cookie.name)).not.toContain('portal_session');
    });

    it('still works a second before it expires', async () => {
      const customer = await aCustomerWithKey(service);
      const link = await portalLink(service, customer.id);
      service.clock.advance(899_000);
      await enterWith(service, link.url);
    });

    it('with a token nobody issued, or none at all, shows the "not valid" page', async () => {
      for (const path of [
        '/portal/enter?token=' + 'A'.repeat(43),
        '/portal/enter',
        '/portal/enter?token=<b>x</b>',
      ]) {
        const refused = await get(service, path).expect(404);
        expect(refused.text).toContain('This sign-in link is not valid');
        expect(refused.text).not.toContain('<b>x</b>');
      }
    });
  });

  describe('the session', () => {
    it('ends after PORTAL_SESSION_TTL_SECONDS: the pages send the browser to sign in', async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await enterWith(service, (await portalLink(service, customer.id)).url);
      service.clock.advance(3_599_000);
      await get(service, '/portal', jar).expect(200);
      service.clock.advance(1_000);
      const expired = await get(service, '/portal', jar).expect(303);
      expect(expired.headers.location).toBe('/portal/login');
    });

    it('is needed for every page', async () => {
      for (const path of [
        '/portal',
        '/portal/calls',
        '/portal/invoices',
        '/portal/calls.csv?period=2026-10',
      ]) {
        const page = await get(service, path).expect(303);
        expect(page.headers.location).toBe('/portal/login');
      }
    });

    it('ends at sign-out: the same cookie, sent again, no longer signs anyone in', async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await enterWith(service, (await portalLink(service, customer.id)).url);
      const home = await get(service, '/portal', jar).expect(200);
      const form = updated(jar, home);
      const token = /name="_csrf" value="([^"]+)"/.exec(home.text)![1];
      const out = await postForm(service, '/portal/logout', form, { _csrf: token }).expect(303);
      expect(out.headers.location).toBe('/portal/login?signed-out');
      const cleared = setCookies(out).find((cookie) => cookie.name === 'portal_session')!;
      expect(cleared.value).toBe('');
      await get(service, '/portal', jar).expect(303);
      const [row] = await service.sql<{ ended: boolean }>(
        'SELECT ended_at IS NOT NULL AS ended FROM portal_sessions WHERE customer_id = $1',
        [customer.id],
      );
      expect(row.ended).toBe(true);
      const signedOut = await get(service, '/portal/login?signed-out').expect(200);
      expect(signedOut.text).toContain('You have signed out.');
    });

    it("ends when the customer's API key is rotated, whether started by a link or by the key", async () => {
      const customer = await aCustomerWithKey(service);
      const byLink = await enterWith(service, (await portalLink(service, customer.id)).url);
      const byKey = await signInWithKey(service, customer.key);
      const unused = await portalLink(service, customer.id);
      await get(service, '/portal', byLink).expect(200);
      await get(service, '/portal', byKey).expect(200);

      await service.http().post(`/v1/customers/${customer.id}/api-key`).expect(201);

      for (const jar of [byLink, byKey]) {
        const page = await get(service, '/portal', jar).expect(303);
        expect(page.headers.location).toBe('/portal/login');
      }
      const revoked = await get(service, pathOf(unused.url)).expect(410);
      expect(revoked.text).toContain('This sign-in link is no longer valid');
      // A link made after the rotation works.
      await enterWith(service, (await portalLink(service, customer.id)).url);
    });

    it('stores the session cookie only as its SHA-256', async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await enterWith(service, (await portalLink(service, customer.id)).url);
      const [row] = await service.sql<{ hash: string }>(
        "SELECT encode(token_hash, 'hex') AS hash FROM portal_sessions WHERE customer_id = $1",
        [customer.id],
      );
      expect(row.hash).toBe(createHash('sha256').update(jar.portal_session).digest('hex'));
      expect(await everyStoredRow(service)).not.toContain(jar.portal_session);
    });
  });

  describe('signing in with the API key', () => {
    it("starts a session for the key's customer", async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await signInWithKey(service, customer.key);
      const home = await get(service, '/portal', jar).expect(200);
      expect(home.text).toContain('Hello, Ada Lovelace');
      expect(home.text).not.toContain(customer.key);
    });

    it('refuses a wrong key, a rotated key and the operator key, without writing the key back', async () => {
      const customer = await aCustomerWithKey(service);
      const rotated = await aCustomerWithKey(service);
      await service.http().post(`/v1/customers/${rotated.id}/api-key`).expect(201);
      for (const key of [`${customer.key}x`, rotated.key, 'test-operator-key-0123456789', 'garbage']) {
        const form = await loginForm(service);
        const refused = await postForm(service, '/portal/login', form.jar, {
          _csrf: form.token,
          apiKey: key,
        }).expect(401);
        expect(refused.text).toContain('That API key is not valid');
        expect(refused.text).not.toContain(key);
        expect(setCookies(refused).map((cookie) => cookie.name)).not.toContain('portal_session');
      }
    });

    it('sends a signed-in browser that opens the sign-in page to its account', async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await signInWithKey(service, customer.key);
      const page = await get(service, '/portal/login', jar).expect(303);
      expect(page.headers.location).toBe('/portal');
    });
  });

  describe('CSRF tokens', () => {
    it('refuses a sign-in form without a token, or with a token of another browser', async () => {
      const customer = await aCustomerWithKey(service);
      const form = await loginForm(service);
      const other = await loginForm(service);
      for (const [jar, fields] of [
        [form.jar, { apiKey: customer.key }],
        [form.jar, { apiKey: customer.key, _csrf: other.token }],
        [{}, { apiKey: customer.key, _csrf: form.token }],
      ] as const) {
        const refused = await postForm(service, '/portal/login', jar, fields).expect(403);
        expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(refused.text).toContain('This form has expired');
        expect(setCookies(refused).map((cookie) => cookie.name)).not.toContain('portal_session');
      }
    });

    it('refuses a sign-out without a token, and the session goes on', async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await enterWith(service, (await portalLink(service, customer.id)).url);
      await postForm(service, '/portal/logout', jar, {}).expect(403);
      await get(service, '/portal', jar).expect(200);
    });
  });

  describe('what a session may see', () => {
    it("shows another customer's invoice, a missing one and a malformed id as the 404 page", async () => {
      const ada = await aCustomerWithKey(service);
      const bob = await aCustomerWithKey(service);
      await postCalls(service, [aCall({ phoneNumber: bob.phoneNumber, startedAt: '2026-09-05T10:00:00Z' })]);
      const bobs = await service.http().post(`/v1/customers/${bob.id}/invoices`).send({ period: '2026-09' });
      const jar = await enterWith(service, (await portalLink(service, ada.id)).url);
      for (const path of [
        `/portal/invoices/${bobs.body.id}`,
        `/portal/invoices/${bobs.body.id}/pdf`,
        '/portal/invoices/0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11',
        '/portal/invoices/not-an-id',
        '/portal/no-such-page',
      ]) {
        const page = await get(service, path, jar).expect(404);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(page.text).toContain('Page not found');
        expect(page.text).not.toContain('INV-');
      }
    });
  });

  describe('the pages', () => {
    it('carry a Content-Security-Policy that allows no script, and are never cached', async () => {
      const customer = await aCustomerWithKey(service);
      const jar = await enterWith(service, (await portalLink(service, customer.id)).url);
      for (const path of ['/portal', '/portal/login', '/portal/no-such-page']) {
        const page = await get(service, path, jar);
        const policy = page.headers['content-security-policy'];
        expect(policy).toContain("default-src 'none'");
        expect(policy).toContain("style-src 'self'");
        expect(policy).toContain("form-action 'self'");
        expect(policy).not.toContain('script-src');
        expect(policy).not.toContain('unsafe-inline');
        expect(page.text).not.toMatch(/<script/i);
      }
      expect((await get(service, '/portal', jar)).headers['cache-control']).toBe('no-store');
    });

    it('escape what a customer or a switch supplied', async () => {
      const hostile = '<script>alert(1)</script>';
      const created = await service
        .http()
        .post('/v1/customers')
        .send({ name: hostile, timezone: 'UTC', phoneNumbers: ['+351912000999'] })
        .expect(201);
      await postCalls(service, [
        aCall({
          phoneNumber: '+351912000999',
          destination: '<img src=x>',
          startedAt: '2026-10-05T10:00:00Z',
        }),
      ]);
      const jar = await enterWith(service, (await portalLink(service, created.body.id)).url);
      for (const path of ['/portal', '/portal/calls']) {
        const page = await get(service, path, jar).expect(200);
        expect(page.text).not.toContain(hostile);
        expect(page.text).not.toContain('<img src=x>');
        expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
      expect((await get(service, '/portal/calls', jar)).text).toContain('&lt;img src=x&gt;');
    });
  });

  it('leaves the API JSON-only: a form body to /v1 is still a 415 problem', async () => {
    const refused = await service.http().post('/v1/calls').type('form').send({ callId: 'x' }).expect(415);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('takes the stylesheet from the service itself', async () => {
    const css = await service.anonymous().get('/portal/assets/portal.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('@media');
  });
});

describe('Portal settings', () => {
  it('PORTAL_COOKIE_SECURE=false leaves Secure off the cookies (plain http outside localhost)', async () => {
    const service = await startTestApp({ now: NOW, env: { PORTAL_COOKIE_SECURE: 'false' } });
    try {
      const customer = await aCustomerWithKey(service);
      const entered = await get(service, pathOf((await portalLink(service, customer.id)).url)).expect(303);
      const session = setCookies(entered).find((cookie) => cookie.name === 'portal_session')!;
      expect(session.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax']));
      expect(session.attributes).not.toContain('Secure');
    } finally {
      await service.close();
    }
  });

  it('PORTAL_LOGIN_ATTEMPTS_PER_MINUTE limits sign-in attempts per IP: then a 429 page with Retry-After', async () => {
    const service = await startTestApp({ now: NOW, env: { PORTAL_LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      const form = await loginForm(service);
      for (let attempt = 1; attempt <= 3; attempt += 1)
        await postForm(service, '/portal/login', form.jar, { _csrf: form.token, apiKey: 'wrong' }).expect(
          401,
        );
      const limited = await postForm(service, '/portal/login', form.jar, {
        _csrf: form.token,
        apiKey: 'wrong',
      }).expect(429);
      expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(limited.text).toContain('Too many attempts');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await service.close();
    }
  });

  it('the default PUBLIC_BASE_URL is http://localhost:<PORT>', async () => {
    const service = await startTestApp({ now: NOW, env: { PORT: '4321' } });
    try {
      const customer = await aCustomerWithKey(service);
      expect((await portalLink(service, customer.id)).url).toMatch(
        /^http:\/\/localhost:4321\/portal\/enter\?token=/,
      );
    } finally {
      await service.close();
    }
  });
});
