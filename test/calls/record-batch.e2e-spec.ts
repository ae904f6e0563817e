import { aCall, aCustomer, aPhoneNumber, CreatedCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Recording a batch of calls', () => {
  let service: TestApp;
  let customer: CreatedCustomer;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    customer = await aCustomer(service);
  });
  afterAll(() => service.close());

  it('judges each item alone and stores the valid ones', async () => {
    const stored = aCall({ phoneNumber: customer.phoneNumber });
    await service.http().post('/v1/calls').send(stored).expect(201);
    const calls = [
      aCall({ phoneNumber: customer.phoneNumber, callId: 'batch-ok-1' }),
      stored, // a replay
      aCall({ phoneNumber: aPhoneNumber(), callId: 'batch-unknown' }),
      aCall({ phoneNumber: customer.phoneNumber, callId: 'batch-zero', minutes: 0 }),
      { ...stored, minutes: 9 }, // same id, other content
      aCall({ phoneNumber: customer.phoneNumber, callId: 'batch-ok-2' }),
      'not an object',
    ];
    const response = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
    expect(response.body.accepted).toBe(2);
    expect(response.body.duplicates).toBe(1);
    expect(response.body.suspended).toBe(1);
    expect(response.body.rejected).toEqual([
      expect.objectContaining({
        index: 2,
        callId: 'batch-unknown',
        status: 422,
        type: expect.stringContaining('unknown-phone-number'),
        suspendedCallId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
      expect.objectContaining({
        index: 3,
        callId: 'batch-zero',
        status: 400,
        type: expect.stringContaining('invalid-minutes'),
      }),
      expect.objectContaining({
        index: 4,
        callId: stored.callId,
        status: 409,
        type: expect.stringContaining('call-id-conflict'),
      }),
      expect.objectContaining({ index: 6, callId: null, status: 400 }),
    ]);
    const rows = await service.sql('SELECT call_id FROM calls WHERE call_id LIKE $1 ORDER BY call_id', [
      'batch-%',
    ]);
    expect(rows).toEqual([{ call_id: 'batch-ok-1' }, { call_id: 'batch-ok-2' }]);
  });

  it.each([
    ['a NUL character', '{"destination":"+1415\\u0000"}', 'destination: must not contain NUL characters'],
    [
      'an unpaired surrogate',
      '{"destination":"\\udfff"}',
      'destination: must be valid Unicode text (an unpaired surrogate)',
    ],
    ['a __proto__ key', '{"__proto__":{"minutes":3}}', '__proto__ is not a known field'],
    ['a constructor key', '{"constructor":{"prototype":{}}}', 'constructor is not a known field'],
  ])('rejects only the item holding %s, and stores the others', async (_case, hostile, detail) => {
    const tag = `hostile-${Math.random().toString(36).slice(2, 8)}`;
    const first = aCall({ phoneNumber: customer.phoneNumber, callId: `${tag}-1` });
    const second = JSON.stringify(aCall({ phoneNumber: customer.phoneNumber, callId: `${tag}-2` }));
    const third = aCall({ phoneNumber: customer.phoneNumber, callId: `${tag}-3` });
    // The hostile field last: a repeated JSON key takes its last value.
    const raw = `{"calls":[${JSON.stringify(first)},${second.slice(0, -1)},${hostile.slice(1)},${JSON.stringify(third)}]}`;
    const response = await service
      .http()
      .post('/v1/calls/batch')
      .set('Content-Type', 'application/json')
      .send(raw)
      .expect(200);
    expect(response.body).toEqual({
      accepted: 2,
      duplicates: 0,
      suspended: 0,
      rejected: [
        {
          index: 1,
          callId: `${tag}-2`,
          status: 400,
          type: expect.stringMatching(/\/problems\/(validation-error|unknown-field)$/),
          detail,
        },
      ],
    });
    const rows = await service.sql('SELECT call_id FROM calls WHERE call_id LIKE $1 ORDER BY call_id', [
      `${tag}-%`,
    ]);
    expect(rows).toEqual([{ call_id: `${tag}-1` }, { call_id: `${tag}-3` }]);
  });

  it('stores destinations spelt with commas, quotes and braces as sent, each on its own call', async () => {
    // A batch of digits, signs and commas only, and one with characters that need quoting.
    const batches = [
      ['+1,415', '0,0', '+351'],
      ['+1,415', '"1"', '{+351}', 'a\\b', null],
    ];
    for (const [b, destinations] of batches.entries()) {
      const calls = destinations.map((destination, i) => ({
        ...aCall({ phoneNumber: customer.phoneNumber, callId: `batch-spelling-${b}-${i}` }),
        destination,
      }));
      const response = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
      expect(response.body).toMatchObject({ accepted: destinations.length, rejected: [] });
      const stored = await service.sql<{ call_id: string; destination: string | null }>(
        `SELECT call_id, destination FROM calls WHERE call_id LIKE $1 ORDER BY call_id`,
        [`batch-spelling-${b}-%`],
      );
      expect(stored).toEqual(
        destinations.map((destination, i) => ({ call_id: `batch-spelling-${b}-${i}`, destination })),
      );
    }
  });

  it('names an unknown field of the batch itself', async () => {
    const response = await service.http().post('/v1/calls/batch').send({ calls: [], x: 1 }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'x', message: 'is not a known field' }]);
    const empty = await service.http().post('/v1/calls/batch').send({ calls: [], '': 1 }).expect(400);
    expect(empty.body.errors).toEqual([{ field: '[""]', message: 'is not a known field' }]);
  });

  it('counts a callId repeated inside one batch once', async () => {
    const call = aCall({ phoneNumber: customer.phoneNumber });
    const response = await service
      .http()
      .post('/v1/calls/batch')
      .send({ calls: [call, call, call] })
      .expect(200);
    expect(response.body).toEqual({ accepted: 1, duplicates: 2, suspended: 0, rejected: [] });
  });

  it('records 10,000 calls in one request', async () => {
    const calls = Array.from({ length: 10_000 }, (_, i) =>
      aCall({ phoneNumber: customer.phoneNumber, callId: `big-${i}`, minutes: 1 + (i % 7) }),
    );
    const response = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
    expect(response.body).toEqual({ accepted: 10_000, duplicates: 0, suspended: 0, rejected: [] });
    const [sum] = await service.sql<{ total: string }>(
      "SELECT sum(charge) AS total FROM calls WHERE call_id LIKE 'big-%'",
    );
    const minutes = calls.reduce((total, call) => total + (call.minutes as number), 0);
    expect(sum.total).toBe((minutes * 0.02).toFixed(2)); // exact in SQL numeric; toFixed only formats the integer-cent expectation
  });

  it('refuses more than 10,000 items and a body without calls', async () => {
    const calls = Array.from({ length: 10_001 }, (_, i) =>
      aCall({ phoneNumber: customer.phoneNumber, callId: `over-${i}` }),
    );
    const over = await service.http().post('/v1/calls/batch').send({ calls }).expect(400);
    expect(over.body.errors).toEqual([{ field: 'calls', message: 'at most 10000 calls per batch' }]);
    await service.http().post('/v1/calls/batch').send({ items: [] }).expect(400);
    const [count] = await service.sql<{ n: string }>(
      "SELECT count(*) AS n FROM calls WHERE call_id LIKE 'over-%'",
    );
    expect(count.n).toBe('0');
  });

  it('answers 413 for a body over 5 MiB', async () => {
    const padding = 'x'.repeat(6 * 1024 * 1024);
    const response = await service
      .http()
      .post('/v1/calls/batch')
      .set('Content-Type', 'application/json')
      .send(`{"calls":[],"padding":"${padding}"}`);
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
