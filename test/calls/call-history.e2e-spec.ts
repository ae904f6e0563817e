import { aCall, aCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

interface CallPage {
  data: { id: string; callId: string; startedAt: string; period: string }[];
  nextCursor: string | null;
}

describe('Call history', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-11-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  async function walk(
    customerId: string,
    query: Record<string, string | number>,
    during?: () => Promise<void>,
  ) {
    const seen: CallPage['data'] = [];
    let cursor: string | null = null;
    do {
      const response = await service
        .http()
        .get(`/v1/customers/${customerId}/calls`)
        .query(cursor ? { ...query, cursor } : query)
        .expect(200);
      const page = response.body as CallPage;
      seen.push(...page.data);
      cursor = page.nextCursor;
      await during?.();
    } while (cursor);
    return seen;
  }

  it('walks every call exactly once, newest first, while new calls arrive', async () => {
    const customer = await aCustomer(service);
    const calls = Array.from({ length: 23 }, (_, i) =>
      aCall({
        phoneNumber: customer.phoneNumber,
        startedAt: new Date(Date.UTC(2026, 9, 1 + (i % 20), i)).toISOString(),
      }),
    );
    // Two calls share a start instant: the id breaks the tie.
    calls.push(aCall({ phoneNumber: customer.phoneNumber, startedAt: calls[0].startedAt as string }));
    await postCalls(service, calls);

    let arriving = 0;
    const seen = await walk(customer.id, { limit: 5 }, async () => {
      arriving += 1;
      await postCalls(service, [
        aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-11-10T10:00:00Z' }),
      ]);
    });
    const original = new Set(calls.map((call) => call.callId));
    const seenOriginal = seen.filter((call) => original.has(call.callId));
    expect(seenOriginal).toHaveLength(calls.length);
    expect(new Set(seen.map((call) => call.id)).size).toBe(seen.length);
    const starts = seen.map((call) => call.startedAt);
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(arriving).toBeGreaterThan(1);
  });

  it('filters by period in a time zone far east of UTC (Pacific/Kiritimati, UTC+14)', async () => {
    const customer = await aCustomer(service, { timezone: 'Pacific/Kiritimati' });
    await postCalls(service, [
      aCall({
        callId: 'kiri-sep-last',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-09-30T09:59:00Z',
      }),
      aCall({
        callId: 'kiri-oct-first',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-09-30T10:00:00Z',
      }),
      aCall({
        callId: 'kiri-oct-last',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-10-31T09:59:00Z',
      }),
      aCall({
        callId: 'kiri-nov-first',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-10-31T10:00:00Z',
      }),
    ]);
    const october = await walk(customer.id, { period: '2026-10' });
    expect(october.map((call) => call.callId)).toEqual(['kiri-oct-last', 'kiri-oct-first']);
    expect(october.every((call) => call.period === '2026-10')).toBe(true);
  });

  it('filters by period in a time zone far west of UTC (Pacific/Pago_Pago, UTC-11)', async () => {
    const customer = await aCustomer(service, { timezone: 'Pacific/Pago_Pago' });
    await postCalls(service, [
      aCall({
        callId: 'pago-sep-last',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-10-01T10:59:00Z',
      }),
      aCall({
        callId: 'pago-oct-first',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-10-01T11:00:00Z',
      }),
      aCall({
        callId: 'pago-oct-last',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-11-01T10:59:00Z',
      }),
      aCall({
        callId: 'pago-nov-first',
        phoneNumber: customer.phoneNumber,
        startedAt: '2026-11-01T11:00:00Z',
      }),
    ]);
    const october = await walk(customer.id, { period: '2026-10' });
    expect(october.map((call) => call.callId)).toEqual(['pago-oct-last', 'pago-oct-first']);
  });

  it('filters by from (inclusive), to (exclusive) and line', async () => {
    const customer = await aCustomer(service, { phoneNumbers: undefined });
    const second = (
      await service
        .http()
        .post(`/v1/customers/${customer.id}/phone-numbers`)
        .send({ number: '+351 935 550 123' })
        .expect(201)
    ).body.phoneNumbers[1] as string;
    await postCalls(service, [
      aCall({ callId: 'range-a', phoneNumber: customer.phoneNumber, startedAt: '2026-10-10T00:00:00Z' }),
      aCall({ callId: 'range-b', phoneNumber: second, startedAt: '2026-10-11T00:00:00Z' }),
      aCall({ callId: 'range-c', phoneNumber: customer.phoneNumber, startedAt: '2026-10-12T00:00:00Z' }),
    ]);
    const range = await walk(customer.id, { from: '2026-10-10T00:00:00Z', to: '2026-10-12T00:00:00Z' });
    expect(range.map((call) => call.callId)).toEqual(['range-b', 'range-a']);
    const line = await walk(customer.id, { phoneNumber: second });
    expect(line.map((call) => call.callId)).toEqual(['range-b']);
  });

  it('rejects malformed filters and cursors', async () => {
    const customer = await aCustomer(service);
    const base = `/v1/customers/${customer.id}/calls`;
    await service.http().get(`${base}?period=2026-13`).expect(400);
    await service.http().get(`${base}?from=yesterday`).expect(400);
    await service.http().get(`${base}?period=2026-10&from=2026-10-01T00:00:00Z`).expect(400);
    const forged = Buffer.from(JSON.stringify({ startedAt: 'soon', id: 'x' })).toString('base64url');
    const response = await service.http().get(`${base}?cursor=${forged}`).expect(400);
    expect(response.body.type).toContain('/problems/invalid-cursor');
  });

  it('shows each call exactly as POST /v1/calls answered it, prepaid coverage included', async () => {
    const postpaid = await aCustomer(service);
    const prepaid = await aCustomer(service, { plan: 'prepaid' });
    await service
      .http()
      .post(`/v1/customers/${prepaid.id}/top-ups`)
      .send({ amount: '0.05', reference: 'history-view' })
      .expect(201);
    const answers = [];
    for (const call of [
      aCall({ phoneNumber: postpaid.phoneNumber, minutes: 7, startedAt: '2026-10-03T08:15:30.250Z' }),
      {
        ...aCall({ phoneNumber: postpaid.phoneNumber, startedAt: '2026-10-04T00:00:00Z' }),
        destination: undefined,
      },
      aCall({ phoneNumber: prepaid.phoneNumber, minutes: 4, startedAt: '2026-11-01T10:00:00Z' }),
      aCall({ phoneNumber: prepaid.phoneNumber, minutes: 1, startedAt: '2026-11-02T10:00:00Z' }),
    ]) {
      answers.push((await service.http().post('/v1/calls').send(call).expect(201)).body);
    }
    const history = [...(await walk(postpaid.id, {})), ...(await walk(prepaid.id, {}))];
    const byId = new Map(history.map((call) => [call.id, call]));
    for (const answer of answers) expect(byId.get(answer.id)).toEqual(answer);
    expect(answers[2].coveredByBalance).toEqual({ amount: '0.05', currency: 'USD' });
    expect(answers[3].coveredByBalance).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('answers an empty page for a customer without calls', async () => {
    const customer = await aCustomer(service);
    const response = await service.http().get(`/v1/customers/${customer.id}/calls`).expect(200);
    expect(response.body).toEqual({ data: [], nextCursor: null });
  });

  it('answers 404 for the history of an unknown customer', async () => {
    await service.http().get('/v1/customers/6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00/calls').expect(404);
  });

  it('serves the history query from the history index', async () => {
    const customer = await aCustomer(service);
    const plan = await service.sql<{ 'QUERY PLAN': string }>(
      `EXPLAIN (FORMAT TEXT) SELECT id FROM calls WHERE customer_id = $1 AND (started_at, id) < (now(), gen_random_uuid())
       ORDER BY started_at DESC, id DESC LIMIT 51`,
      [customer.id],
    );
    expect(JSON.stringify(plan)).toContain('calls_customer_history_idx');
  });

  it('keeps in the history index every column the invoicing sums, so its reads are index-only', async () => {
    const [index] = await service.sql<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'calls_customer_history_idx'`,
    );
    expect(index.indexdef).toContain('(customer_id, started_at DESC, id DESC)');
    expect(index.indexdef).toContain(
      'INCLUDE (period, late, rate_group, rate_per_minute, currency, minutes, billed_seconds, charge, covered_by_balance)',
    );
  });
});
