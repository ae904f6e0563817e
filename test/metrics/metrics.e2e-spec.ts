import { enterWith, get, pathOf, portalLink } from '../portal/portal-http';
import { MonthlyInvoicingScheduler } from '../../src/invoicing/infrastructure/monthly-invoicing.scheduler';
import { deliveryEnv, dispatcherOf } from '../support/delivery';
import { aCall, aCustomer, aPhoneNumber, type CreatedCustomer } from '../support/mothers';
import { parsePrometheusText, sampleValue, type Scrape } from '../support/prometheus-text';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const OUTCOMES = ['recorded', 'duplicate', 'rejected', 'suspended', 'not_billable'];
const CALLS = 'phone_billing_calls_total';
const DELIVERIES = 'phone_billing_deliveries_total';
const RUNS = 'phone_billing_invoicing_run_duration_seconds';
const HTTP_COUNT = 'http_request_duration_seconds_count';
/** Labels whose values are numbers by definition: bucket bounds, HTTP status codes, Node's version. */
const NUMERIC_LABELS = new Set(['le', 'status_code', 'major', 'minor', 'patch']);
/** A valid number no customer has. */
const UNKNOWN_LINE = aPhoneNumber();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('Prometheus metrics at GET /metrics', () => {
  let receiver: WebhookReceiver;
  let service: TestApp;
  let first: Scrape;
  let ada: CreatedCustomer;

  const scrape = async () => parsePrometheusText((await service.http().get('/metrics').expect(200)).text);
  /** How far a series moved between two scrapes (from 0 if it was not there yet); NaN when the second lacks it. */
  const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) =>
    (sampleValue(after, name, labels) ?? Number.NaN) - (sampleValue(before, name, labels) ?? 0);
  const callsMoved = (before: Scrape, after: Scrape, source = 'api') =>
    Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, moved(before, after, CALLS, { source, outcome })]),
    );

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    service = await startTestApp({
      now: '2026-09-10T00:00:00Z',
      env: deliveryEnv({ webhookUrl: receiver.url }, { DELIVERY_MAX_ATTEMPTS: '2' }),
    });
    first = await scrape();
    ada = await aCustomer(service);
  });
  afterAll(async () => {
    await service.close();
    await receiver.close();
  });

  it('declares every source and outcome, channel and status, and run trigger at zero before anything happened', () => {
    for (const source of ['api', 'cdr-file'])
      for (const outcome of OUTCOMES)
        expect([source, outcome, sampleValue(first, CALLS, { source, outcome })]).toEqual([
          source,
          outcome,
          0,
        ]);
    for (const [kind, channel] of [
      ['invoice', 'email'],
      ['invoice', 'webhook'],
      ['balance.low', 'webhook'],
    ])
      for (const status of ['delivered', 'retried', 'failed'])
        expect([kind, channel, status, sampleValue(first, DELIVERIES, { channel, kind, status })]).toEqual([
          kind,
          channel,
          status,
          0,
        ]);
    expect(sampleValue(first, DELIVERIES, { channel: 'email', kind: 'balance.low', status: 'failed' })).toBe(
      undefined,
    );
    for (const trigger of ['scheduler', 'catch-up', 'api'])
      expect([trigger, sampleValue(first, `${RUNS}_count`, { trigger })]).toEqual([trigger, 0]);
    expect(sampleValue(first, 'phone_billing_invoices_issued_total')).toBe(0);
    expect(sampleValue(first, 'phone_billing_suspended_calls')).toBe(0);
  });

  it('counts single calls by outcome: a new call recorded, its replay a duplicate, a held call suspended, each other refusal rejected', async () => {
    const before = await scrape();
    const call = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-05T10:00:00Z' });
    await service.http().post('/v1/calls').send(call).expect(201);
    await service.http().post('/v1/calls').send(call).expect(200);
    await service
      .http()
      .post('/v1/calls')
      .send({ ...call, minutes: 4 })
      .expect(409);
    await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: UNKNOWN_LINE, startedAt: '2026-09-05T10:00:00Z' }))
      .expect(422);
    await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-05T10:00:00Z', minutes: 0 }))
      .expect(400);
    const after = await scrape();

    expect(callsMoved(before, after)).toEqual({
      recorded: 1,
      duplicate: 1,
      rejected: 2,
      suspended: 1,
      not_billable: 0,
    });
    expect(callsMoved(before, after, 'cdr-file')).toEqual({
      recorded: 0,
      duplicate: 0,
      rejected: 0,
      suspended: 0,
      not_billable: 0,
    });
    const requests = (status: string) =>
      moved(before, after, HTTP_COUNT, { method: 'POST', route: '/v1/calls', status_code: status });
    expect(['201', '200', '409', '422', '400'].map(requests)).toEqual([1, 1, 1, 1, 1]);
  });

  it('counts a batch by outcome, its rejected items included, in one request', async () => {
    const stored = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-06T10:00:00Z' });
    await service.http().post('/v1/calls').send(stored).expect(201);
    const before = await scrape();
    const response = await service
      .http()
      .post('/v1/calls/batch')
      .send({
        calls: [
          aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-07T10:00:00Z' }),
          aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-07T11:00:00Z' }),
          aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-07T12:00:00Z' }),
          stored,
          aCall({ phoneNumber: UNKNOWN_LINE, startedAt: '2026-09-05T10:00:00Z' }),
          aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-05T10:00:00Z', minutes: 1.5 }),
        ],
      })
      .expect(200);
    expect(response.body).toMatchObject({
      accepted: 3,
      duplicates: 1,
      rejected: [
        { index: 4, status: 422 },
        { index: 5, status: 400 },
      ],
    });
    const after = await scrape();

    expect(callsMoved(before, after)).toEqual({
      recorded: 3,
      duplicate: 1,
      rejected: 1,
      suspended: 1,
      not_billable: 0,
    });
    expect(
      moved(before, after, HTTP_COUNT, { method: 'POST', route: '/v1/calls/batch', status_code: '200' }),
    ).toBe(1);
  });

  it('counts every invoice issued, on demand or by a run, and times each run by what started it', async () => {
    await aCustomer(service);
    await aCustomer(service);
    service.clock.set('2026-10-01T01:00:00Z');
    const [{ count }] = await service.sql<{ count: string }>('SELECT count(*) FROM customers');
    const customers = Number(count);
    const before = await scrape();

    await service.http().post(`/v1/customers/${ada.id}/invoices`).send({ period: '2026-09' }).expect(201);
    const run = await service.http().post('/v1/invoicing/runs').send({}).expect(200);
    expect(run.body).toMatchObject({ created: customers - 1, alreadyInvoiced: 1, failed: 0 });
    const afterApiRun = await scrape();

    expect(moved(before, afterApiRun, 'phone_billing_invoices_issued_total')).toBe(customers);
    expect(moved(before, afterApiRun, `${RUNS}_count`, { trigger: 'api' })).toBe(1);
    expect(moved(before, afterApiRun, `${RUNS}_sum`, { trigger: 'api' })).toBeGreaterThan(0);
    expect(moved(before, afterApiRun, `${RUNS}_bucket`, { trigger: 'api', le: '+Inf' })).toBe(1);

    const scheduler = service.app.get(MonthlyInvoicingScheduler);
    await scheduler.fire('scheduled');
    await scheduler.fire('catch-up');
    const after = await scrape();
    expect(
      ['scheduler', 'catch-up', 'api'].map((trigger) =>
        moved(afterApiRun, after, `${RUNS}_count`, { trigger }),
      ),
    ).toEqual([1, 1, 0]);
    expect(moved(afterApiRun, after, 'phone_billing_invoices_issued_total')).toBe(0);
  });

  it('counts delivery attempts to a real webhook receiver by channel and status: delivered, retried, failed', async () => {
    receiver.answer(() => 204);
    await dispatcherOf(service).dispatchDue(); // what the invoices before this test queued
    service.clock.set('2026-10-02T00:00:00Z');
    const customers = [await aCustomer(service), await aCustomer(service), await aCustomer(service)];
    service.clock.set('2026-11-01T01:00:00Z');
    for (const customer of customers)
      await service
        .http()
        .post(`/v1/customers/${customer.id}/invoices`)
        .send({ period: '2026-10' })
        .expect(201);
    const before = await scrape();

    const firstOfThree = receiver.received.length;
    receiver.answer((index) => (index === firstOfThree ? 500 : 204));
    expect(await dispatcherOf(service).dispatchDue()).toMatchObject({ delivered: 2, retrying: 1, failed: 0 });
    receiver.answer(() => 500);
    service.clock.advance(30_000);
    expect(await dispatcherOf(service).dispatchDue()).toMatchObject({ delivered: 0, retrying: 0, failed: 1 });
    const after = await scrape();

    const attempts = (channel: string) =>
      Object.fromEntries(
        ['delivered', 'retried', 'failed'].map((status) => [
          status,
          moved(before, after, DELIVERIES, { channel, kind: 'invoice', status }),
        ]),
      );
    expect(attempts('webhook')).toEqual({ delivered: 2, retried: 1, failed: 1 });
    expect(attempts('email')).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it('labels HTTP requests by route template, and a path that matched no route by one fixed value', async () => {
    const before = await scrape();
    await service.http().get(`/v1/customers/${ada.id}/calls`).expect(200);
    await service.http().get(`/v1/nowhere/${ada.id}`).expect(404);
    const response = await service.http().get('/metrics').expect(200);
    const after = parsePrometheusText(response.text);

    expect(
      moved(before, after, HTTP_COUNT, {
        method: 'GET',
        route: '/v1/customers/:customerId/calls',
        status_code: '200',
      }),
    ).toBe(1);
    expect(moved(before, after, HTTP_COUNT, { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(
      1,
    );
    expect(response.text).not.toContain(ada.id);
  });

  it("labels the customer portal's pages by route template, never by the token, invoice id or raw path", async () => {
    const invoices = await service.http().get(`/v1/customers/${ada.id}/invoices`).expect(200);
    const invoiceId = (invoices.body.data as { id: string }[])[0].id;
    const before = await scrape();
    const link = await portalLink(service, ada.id);
    const jar = await enterWith(service, link.url);
    await get(service, '/portal', jar).expect(200);
    await get(service, `/portal/invoices/${invoiceId}`, jar).expect(200);
    await get(service, `/portal/invoices/${invoiceId}/pdf`, jar).expect(200);
    await get(service, '/portal/assets/portal.css').expect(200);
    await get(service, `/portal/nowhere/${invoiceId}`, jar).expect(404);
    const response = await service.http().get('/metrics').expect(200);
    const after = parsePrometheusText(response.text);

    const requests = (method: string, route: string, status: string) =>
      moved(before, after, HTTP_COUNT, { method, route, status_code: status });
    expect([
      requests('POST', '/v1/customers/:customerId/portal-sessions', '201'),
      requests('GET', '/portal/enter', '303'),
      requests('GET', '/portal', '200'),
      requests('GET', '/portal/invoices/:invoiceId', '200'),
      requests('GET', '/portal/invoices/:invoiceId/pdf', '200'),
      requests('GET', '/portal/assets/portal.css', '200'),
      requests('GET', 'unmatched', '404'),
    ]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const portalRoutes = new Set(
      after.samples.map(({ labels }) => labels.route).filter((route) => route?.startsWith('/portal')),
    );
    expect([...portalRoutes].filter((route) => !/^\/portal(\/[a-z.]+|\/:[A-Za-z]+)*$/.test(route))).toEqual(
      [],
    );
    const token = new URL(link.url).searchParams.get('token')!;
    for (const secret of [token, invoiceId, pathOf(link.url), 'nowhere'])
      expect({ secret, scraped: response.text.includes(secret) }).toEqual({ secret, scraped: false });
  });

  it('uses no id, phone number or number as a label value (but bucket bounds, status codes and versions)', async () => {
    const { samples } = await scrape();
    expect(samples.length).toBeGreaterThan(100);
    for (const { name, labels } of samples) {
      for (const [label, value] of Object.entries(labels)) {
        const where = `${name}{${label}="${value}"}`;
        if (label === 'status_code')
          expect({ where, ok: /^[1-5][0-9]{2}$/.test(value) }).toEqual({ where, ok: true });
        if (NUMERIC_LABELS.has(label)) continue;
        expect({
          where,
          id: UUID.test(value),
          number: /^[+-]?[0-9][0-9.e+-]*$/i.test(value),
          phone: /\+[0-9]{6,}/.test(value),
        }).toEqual({
          where,
          id: false,
          number: false,
          phone: false,
        });
      }
    }
  });

  it('reads the calls in suspense, the database pool and the Node.js process when scraped', async () => {
    const scraped = await scrape();
    const [held] = await service.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM suspended_calls WHERE status = 'suspended'",
    );
    expect(held.n).toBeGreaterThan(0); // the unknown line's calls the tests above sent
    expect(sampleValue(scraped, 'phone_billing_suspended_calls')).toBe(held.n);
    const pool = (what: string) => sampleValue(scraped, `phone_billing_database_pool_${what}`)!;
    expect(pool('max_connections')).toBe(service.config.DATABASE_POOL_SIZE);
    expect(pool('connections')).toBeGreaterThanOrEqual(1);
    expect(pool('connections')).toBeLessThanOrEqual(pool('max_connections'));
    expect(pool('idle_connections')).toBeLessThanOrEqual(pool('connections'));
    // At most the scrape's own count of held calls, waiting for a connection the pool is opening.
    expect(pool('waiting_requests')).toBeLessThanOrEqual(1);
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
    ])
      expect({ name, value: sampleValue(scraped, name) }).toEqual({ name, value: expect.any(Number) });
  });
});
