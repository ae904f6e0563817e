import fc from 'fast-check';
import type { Response } from 'supertest';
import { AuthFixture, authFixture, forgedKeyOf } from '../auth/auth-fixture';
import { Endpoint, ENDPOINTS, UNKNOWN_SUSPENDED_CALL } from '../auth/endpoints';
import { dbFingerprint } from '../support/db-fingerprint';
import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * Property-based fuzzing of every endpoint with hostile input: random and malformed bodies, path
 * and query parameters, headers and keys. Whatever arrives, the service answers with a problem
 * document (never a 5xx), names nothing of its insides, and stores nothing.
 */

/** FUZZ_RUNS=500 npm run test:integration -- --testPathPatterns test/fuzz digs deeper than the default. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const TIMEOUT_MS = Math.max(60_000, RUNS * 1_000);

/** What must never reach a client: stack frames, file paths, SQL and driver text, class and library names. */
const LEAKS: RegExp[] = [
  /\bat [\w.<>]+ \(/,
  /\n\s+at /,
  /node_modules|\/work\/|\/src\/|\.ts:\d+|\.js:\d+/,
  /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i,
  /syntax error at or near|violates [\w -]*constraint|duplicate key|invalid input syntax|relation "|column "/i,
  /postgres|\bpg\b|mikro-?orm|kysely|fastify|nestjs|class-validator|class-transformer/i,
  /\b[A-Z][A-Za-z]*(Error|Exception)\b/,
  /"stack"|FST_ERR|ERR_[A-Z_]+|Cannot read propert|is not a function|undefined is not|Unexpected token/,
];

/**
 * What the service may echo of a request: the text as sent, and as the router reads it (percent
 * escapes decoded, `+` as a space in a query), so `?%70%47=0` may come back as the field name "pG".
 */
function echoesOf(sent: string): string[] {
  const decoded = sent.replace(/(%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
  return [sent, decoded, decoded.replaceAll('+', ' ')];
}

function leakIn(response: Response, sent: string): string | null {
  const answer = response.text ?? '';
  const echoes = echoesOf(sent);
  for (const pattern of LEAKS) {
    const match = pattern.exec(answer);
    // A client's own input echoed in a validation message is not a leak.
    if (match && !echoes.some((echo) => echo.includes(match[0]))) return match[0];
  }
  return null;
}

function expectSafe(response: Response, sent: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status: expect.any(Number),
    body: expect.anything(),
  });
  if (response.status >= 500) throw new Error(`${response.status} for ${sent}: ${response.text}`);
  const leak = leakIn(response, sent);
  if (leak) throw new Error(`leaked ${JSON.stringify(leak)} for ${sent}: ${response.text}`);
  if (response.status >= 400) {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      type: expect.stringMatching(/^https:\/\/phone-billing\.dev\/problems\/[a-z-]+$/),
      title: expect.any(String),
      status: response.status,
      detail: expect.any(String),
    });
  }
}

/** Characters that break parsers, databases and logs far more often than a random code point does. */
const nastyCharacter = fc.oneof(
  fc.constant('\u0000'),
  fc.constantFrom(
    ...['\u0001', '\u001f', '\u007f', '\ud800', '\udfff', '\ufeff', '\uffff', '\u202e', '\u2028'],
    ...["'", '"', '\\', '%', '`', '$', '{', '<', '\n', '\r', '\t', '😀', 'é'],
  ),
);
const mixedUnit = fc.oneof(
  { arbitrary: nastyCharacter, weight: 2 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 1 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);
/** Strings of printable ASCII, or mixed with control characters, NUL, lone surrogates and quotes. */
const text = (constraints: fc.StringConstraints = {}) =>
  fc.oneof(fc.string(constraints), fc.string({ ...constraints, unit: mixedUnit }));
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: mixedUnit }),
);
/** Every UTF-8 byte percent-encoded (encodeURIComponent throws on a lone surrogate). */
const percentEncoded = (value: string) =>
  [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
/** A body no endpoint accepts: not an object, or an object with a field no endpoint has. */
const invalidBody = fc.oneof(
  fc.oneof(text(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(jsonValue)),
  fc
    .tuple(fc.dictionary(text(), jsonValue, { maxKeys: 5 }), text({ minLength: 1 }), jsonValue)
    .map(([fields, name, value]) => ({ ...fields, [`zz_${name}`]: value })),
  fc
    .tuple(
      fc.record(
        {
          name: jsonValue,
          phoneNumbers: jsonValue,
          number: jsonValue,
          plan: jsonValue,
          period: jsonValue,
          amount: jsonValue,
          reference: jsonValue,
          callId: jsonValue,
          phoneNumber: jsonValue,
          startedAt: jsonValue,
          minutes: jsonValue,
          calls: jsonValue,
        },
        { requiredKeys: [] },
      ),
      jsonValue,
    )
    .map(([fields, value]) => ({ ...fields, zz_unknown: value })),
);
const anyBody = fc.oneof(jsonValue, invalidBody);

/** Path segments: near-misses of uuids, injections, encodings, unicode. */
const hostileSegment = fc.oneof(
  text({ minLength: 1, maxLength: 80 }),
  fc.uuid().map((id) => id.toUpperCase().replace(/-/g, '')),
  fc.uuid().map((id) => `${id}x`),
  fc.constantFrom(
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '%ff',
    '%C0%AE',
    'null',
    'undefined',
    '__proto__',
    '0',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);

const queryPair = fc.tuple(
  fc.oneof(
    fc.constantFrom('limit', 'cursor', 'period', 'from', 'to', 'phoneNumber', '__proto__', 'constructor'),
    text({ minLength: 1, maxLength: 12 }),
  ),
  fc.oneof(
    text({ maxLength: 40 }),
    fc.integer().map(String),
    fc.constantFrom('0', '-1', '501', '1e3', '9999-99', '2026-02-30', 'NaN', '%00', 'null'),
    jsonValue.map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  ),
);
const query = fc
  .array(queryPair, { maxLength: 4 })
  .map((pairs) => pairs.map(([key, value]) => `${percentEncoded(key)}=${percentEncoded(value)}`).join('&'));

const hostileAuthorization = fc.oneof(
  fc.constant<string | null>(null),
  fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
  fc.string({ minLength: 1, maxLength: 60 }).map((text) => `Bearer ${text.replace(/[^\x21-\x7e]/g, 'a')}`),
  fc.uuid().map((id) => `Bearer ${forgedKeyOf(id)}`),
  fc.constantFrom(
    `Basic ${OPERATOR_KEY}`,
    `Bearer ${OPERATOR_KEY.slice(0, -1)}`,
    `Bearer ${OPERATOR_KEY}=`,
    'Bearer',
  ),
);

/** Header names and values Node will send (visible ASCII), avoiding those that change the framing. */
const extraHeaders = fc.dictionary(
  fc
    .stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
    .filter(
      (name) =>
        ![
          'content-length',
          'transfer-encoding',
          'host',
          'connection',
          'authorization',
          'expect',
          'upgrade',
          'te',
          'trailer',
        ].includes(name),
    ),
  fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, '').trim()),
  { maxKeys: 4 },
);

const rawBody = fc.oneof(
  text({ maxLength: 200 }),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{}}}',
    'nul\u0000l',
    '\uFEFF{"zz":1}',
    '1e99999',
    '"\\ud800"',
    'null',
  ),
  fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
);

/**
 * Well-typed bodies, mostly valid, with edge values mixed into every field: they may be stored,
 * but must never make a 5xx or a leak.
 */
const mostly = <T>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: edge, weight: 1 });
const aValidLine = fc.integer({ min: 0, max: 9_999_999 }).map((n) => `+35191${String(n).padStart(7, '0')}`);
const phoneish = mostly(
  aValidLine,
  fc.oneof(
    fc.constantFrom(
      '+1 415 555 0100',
      '+999',
      '00351912345678',
      '+3519123456789012345',
      '+',
      '',
      '+1-800-FLOWERS',
    ),
    fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
    text({ maxLength: 30 }),
  ),
);
const instant = mostly(
  fc
    .date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2026-10-15T12:04:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  fc.oneof(
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom(
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '2026-10-05T14:03:00+14:00',
      '2026-10-05T14:03:00.123456789Z',
      '2026-10-05',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '2026-10-05T24:00:00Z',
    ),
    text({ maxLength: 30 }),
  ),
);
const period = mostly(
  fc.constantFrom('2026-08', '2026-09', '2026-10', '2025-12'),
  fc.oneof(
    fc.constantFrom('0000-01', '9999-12', '1970-01', '2026-13', '2026-00', '-001-01'),
    fc.stringMatching(/^\d{4}-\d{2}$/),
    text({ maxLength: 10 }),
  ),
);
const amount = mostly(
  fc.integer({ min: 1, max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.oneof(
    fc.constantFrom('0', '-1', '10000.01', '1e3', '0.001', ' 1.00', '01.00', '99999999999999999999.99'),
    fc.double().map(String),
    fc.double(),
  ),
);
const minutes = mostly(
  fc.integer({ min: 1, max: 1440 }),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1441, 2 ** 31, 2 ** 53, -1), text({ maxLength: 5 })),
);
const plan = mostly(
  fc.constantFrom('postpaid', 'prepaid', 'flat'),
  fc.oneof(fc.constantFrom('gold', 'POSTPAID'), text({ maxLength: 10 })),
);
const aCallish = fc.record(
  {
    callId: mostly(fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/), text({ maxLength: 140 })),
    phoneNumber: phoneish,
    destination: mostly(fc.constant('+14155550100'), fc.oneof(text({ maxLength: 40 }), fc.constant(null))),
    startedAt: instant,
    minutes,
  },
  { requiredKeys: ['callId', 'phoneNumber', 'startedAt', 'minutes'] },
);
const billingAddress = fc.oneof(
  fc.constant(null),
  text({ maxLength: 20 }),
  fc.record(
    {
      line1: mostly(fc.constantFrom('Rua Augusta 100', 'ул. Тверская 1'), text({ maxLength: 210 })),
      line2: fc.oneof(text({ maxLength: 210 }), fc.constant(null)),
      city: mostly(fc.constantFrom('Lisboa', 'Łódź', 'Αθήνα'), text({ maxLength: 110 })),
      postalCode: fc.oneof(text({ maxLength: 25 }), fc.constant(null), fc.integer()),
      region: fc.oneof(text({ maxLength: 110 }), fc.constant(null)),
      country: mostly(
        fc.constantFrom('PT', 'PL', 'GR'),
        fc.oneof(fc.constantFrom('pt', 'XX', 'PRT'), text({ maxLength: 4 })),
      ),
    },
    { requiredKeys: [] },
  ),
);
const EDGE_BODIES: Record<string, fc.Arbitrary<unknown>> = {
  // JSON of any shape to the CSV import: refused (415) before anything is read.
  'post /v1/cdr-files': fc.jsonValue(),
  'post /v1/customers': fc.record(
    {
      name: mostly(fc.constantFrom('Ada Lovelace', 'Émile Zola', '李小龍'), text({ maxLength: 210 })),
      email: mostly(fc.emailAddress(), fc.oneof(text({ maxLength: 40 }), fc.constant(null))),
      timezone: mostly(
        fc.constantFrom('UTC', 'Europe/Lisbon', 'Etc/GMT+12', 'Pacific/Kiritimati', 'America/St_Johns'),
        fc.oneof(fc.constantFrom('Mars/Olympus', 'utc', '+01:00'), text({ maxLength: 20 })),
      ),
      plan,
      phoneNumbers: fc.array(phoneish, { maxLength: 3 }),
      billingAddress,
    },
    { requiredKeys: ['name'] },
  ),
  'patch /v1/customers/{customerId}': fc.record({ billingAddress }, { requiredKeys: [] }),
  'post /v1/customers/{customerId}/phone-numbers': fc.record({ number: phoneish }),
  // Takes no body: whatever is sent, the line it names (nobody's) is not released.
  'delete /v1/customers/{customerId}/phone-numbers/{number}': fc.option(anyBody, { nil: undefined }),
  'put /v1/customers/{customerId}/plan': fc.record({ plan }),
  'post /v1/customers/{customerId}/api-key': fc.constantFrom({}, undefined),
  'post /v1/customers/{customerId}/portal-sessions': fc.constantFrom({}, undefined),
  'post /v1/calls': aCallish,
  'post /v1/calls/batch': fc.record({ calls: fc.array(aCallish, { maxLength: 5 }) }),
  'post /v1/customers/{customerId}/invoices': fc.record({ period }),
  'post /v1/invoicing/runs': fc.record({ period }, { requiredKeys: [] }),
  'post /v1/customers/{customerId}/top-ups': fc.record({
    amount,
    reference: mostly(fc.uuid(), text({ maxLength: 80 })),
  }),
  'post /v1/suspended-calls/reprocess': fc.record(
    {
      reason: mostly(fc.constantFrom('unknown-phone-number', 'no-rate'), text({ maxLength: 40 })),
      phoneNumber: phoneish,
    },
    { requiredKeys: [] },
  ),
  'post /v1/suspended-calls/{id}/write-off': fc.record({ note: text({ maxLength: 520 }) }),
};

/** A valid number no customer has: a release of it is refused whoever asks. */
const NOBODYS_LINE = '+351929999999';

describe('Hostile requests against every endpoint (fast-check)', () => {
  let service: TestApp;
  let fixture: AuthFixture;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    fixture = await authFixture(service);
    // One listening socket for the whole run (supertest would otherwise open a server per request).
    await service.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => service.close());

  function pathOf(endpoint: Endpoint, segment?: string): string {
    return endpoint.route
      .replace('{customerId}', segment ?? fixture.ada.id)
      .replace('{invoiceId}', segment ?? fixture.ada.invoiceId)
      .replace('{number}', segment ?? encodeURIComponent(NOBODYS_LINE))
      .replace('{id}', segment ?? UNKNOWN_SUSPENDED_CALL)
      .replace('{cdrFileId}', segment ?? fixture.cdrFileId);
  }

  function request(
    endpoint: Endpoint,
    path: string,
    options: {
      authorization?: string | null;
      body?: unknown;
      rawBody?: string;
      contentType?: string;
      headers?: Record<string, string>;
    },
  ) {
    let test = service.anonymous()[endpoint.method](path);
    for (const [name, value] of Object.entries(options.headers ?? {})) test = test.set(name, value);
    if (options.authorization) test = test.set('Authorization', options.authorization);
    if (options.contentType) test = test.set('Content-Type', options.contentType);
    if (options.rawBody !== undefined) return test.send(options.rawBody);
    if (options.body !== undefined)
      return test.set('Content-Type', 'application/json').send(JSON.stringify(options.body));
    return test;
  }

  const operator = `Bearer ${OPERATOR_KEY}`;

  /** One hostile request of one of four kinds; `expectChange` is false for all of them. */
  function hostileRequest(endpoint: Endpoint): fc.Arbitrary<{ sent: string; send: () => Promise<Response> }> {
    const writes = endpoint.method !== 'get';
    // No key, a wrong key, or another customer's key, with any body.
    const stranger = fc
      .tuple(
        fc.oneof(hostileAuthorization, fc.constant(`Bearer ${fixture.bob.key}`)),
        fc.option(anyBody, { nil: undefined }),
      )
      .map(([authorization, body]) => ({
        sent: JSON.stringify({ kind: 'stranger', authorization, body }),
        mayPass: endpoint.access === 'any' && authorization === `Bearer ${fixture.bob.key}`,
        send: () => request(endpoint, pathOf(endpoint), { authorization, body }),
      }));
    // The operator key with malformed ids, query strings and bodies.
    const malformed = fc
      .record({
        segment: fc.option(hostileSegment, { nil: undefined }),
        search: query,
        body: writes ? invalidBody : fc.option(anyBody, { nil: undefined }),
      })
      .map(({ segment, search, body }) => {
        const id =
          endpoint.route.includes('{') && segment !== undefined ? percentEncoded(segment) : undefined;
        const path = `${pathOf(endpoint, id)}${search ? `?${search}` : ''}`;
        return {
          sent: JSON.stringify({ kind: 'malformed', path, body }),
          mayPass: !writes,
          send: () => request(endpoint, path, { authorization: operator, body }),
        };
      });
    // The operator key with a body that is not JSON, or not declared as JSON.
    const raw = fc.tuple(rawBody, contentType).map(([text, type]) => ({
      sent: JSON.stringify({ kind: 'raw', text, type }),
      mayPass: !writes,
      send: () =>
        request(endpoint, pathOf(endpoint), {
          authorization: operator,
          rawBody: text,
          contentType: type || undefined,
        }),
    }));
    // Random extra headers on a request that would otherwise be refused (writes) or allowed (reads).
    const headers = fc.tuple(extraHeaders, invalidBody).map(([extra, body]) => ({
      sent: JSON.stringify({ kind: 'headers', extra, body }),
      mayPass: !writes,
      send: () =>
        request(endpoint, pathOf(endpoint), {
          authorization: writes ? operator : `Bearer ${fixture.ada.key}`,
          headers: extra,
          body: writes ? body : undefined,
        }),
    }));
    return fc
      .oneof(stranger, malformed, ...(writes ? [raw] : []), headers)
      .map(({ sent, mayPass, send }) => ({
        sent,
        send: async () => {
          const response = await send();
          expectSafe(response, sent);
          if (!mayPass && response.status < 400) throw new Error(`${response.status} for ${sent}`);
          return response;
        },
      }));
  }

  it.each(
    ENDPOINTS.map((endpoint) => [`${endpoint.method.toUpperCase()} ${endpoint.route}`, endpoint] as const),
  )(
    '%s: hostile keys, ids, queries, bodies and headers never make a 5xx, a leak or a change',
    async (_name, endpoint) => {
      const before = await dbFingerprint(service);
      await fc.assert(
        fc.asyncProperty(hostileRequest(endpoint), async ({ send }) => {
          await send();
        }),
        { numRuns: RUNS },
      );
      expect(await dbFingerprint(service)).toEqual(before);
    },
    TIMEOUT_MS,
  );

  it("does not take a client's own percent-encoded input, echoed back decoded, for a leak", async () => {
    const path = '/v1/customers?%70%47=0';
    const response = await service.anonymous().get(path).set('Authorization', operator);
    expect(response.status).toBe(400);
    expect(response.text).toContain('pG');
    expectSafe(response, JSON.stringify({ kind: 'malformed', path }));
  });

  it('still finds a leak that the request did not carry', () => {
    const response = { text: '{"detail":"pg said no"}' } as Response;
    expect(leakIn(response, JSON.stringify({ path: '/v1/customers?%70%47=0' }))).toBe('pg');
  });

  const writes = ENDPOINTS.filter((endpoint) => endpoint.method !== 'get');

  it('has edge-valued bodies for every endpoint that writes', () => {
    expect(Object.keys(EDGE_BODIES).sort()).toEqual(writes.map((e) => `${e.method} ${e.route}`).sort());
  });

  it.each(
    writes.map((endpoint) => [`${endpoint.method.toUpperCase()} ${endpoint.route}`, endpoint] as const),
  )(
    '%s: well-typed bodies with edge values never make a 5xx or a leak',
    async (_name, endpoint) => {
      const body = EDGE_BODIES[`${endpoint.method} ${endpoint.route}`];
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async (value, ownLine) => {
          // Half the calls come from a real line, so they get past the owner lookup into rating.
          const fromLine = (call: unknown) =>
            ownLine && call && typeof call === 'object'
              ? { ...call, phoneNumber: fixture.ada.phoneNumber }
              : call;
          const sent =
            value && typeof value === 'object' && 'calls' in value && Array.isArray(value.calls)
              ? { ...value, calls: value.calls.map(fromLine) }
              : value && typeof value === 'object' && 'callId' in value
                ? fromLine(value)
                : value;
          const response = await request(endpoint, pathOf(endpoint), { authorization: operator, body: sent });
          expectSafe(response, JSON.stringify({ body: sent }));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
