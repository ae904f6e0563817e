import { RecordCallsUseCase } from '../../src/calls/application/record-calls.use-case';
import { aCall, aCustomer, aPhoneNumber, CreatedCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Recording a call', () => {
  let service: TestApp;
  let customer: CreatedCustomer;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    customer = await aCustomer(service, { timezone: 'Europe/Lisbon' });
  });
  afterAll(() => service.close());

  const callCount = async () =>
    Number((await service.sql<{ n: string }>('SELECT count(*) AS n FROM calls'))[0].n);

  it('charges a postpaid call minutes × 0.02 at ingestion, in the customer period', async () => {
    const response = await service
      .http()
      .post('/v1/calls')
      .send(
        aCall({
          callId: 'sw1-000123',
          phoneNumber: customer.phoneNumber,
          startedAt: '2026-09-30T23:30:00Z',
          minutes: 3,
        }),
      )
      .expect(201);
    expect(response.body).toMatchObject({
      callId: 'sw1-000123',
      customerId: customer.id,
      phoneNumber: customer.phoneNumber,
      destination: '+14155550100',
      startedAt: '2026-09-30T23:30:00.000Z',
      minutes: 3,
      charge: { amount: '0.06', currency: 'USD' },
      plan: 'postpaid',
      period: '2026-10', // 00:30 on 1 October in Lisbon
      receivedAt: '2026-10-15T12:00:00.000Z',
    });
    expect(response.body.coveredByBalance).toBeUndefined();
  });

  it('charges a replayed call once and answers 200 with the stored call', async () => {
    const call = aCall({ phoneNumber: customer.phoneNumber });
    const first = await service.http().post('/v1/calls').send(call).expect(201);
    const before = await callCount();
    const replay = await service.http().post('/v1/calls').send(call).expect(200);
    expect(replay.body).toEqual(first.body);
    expect(await callCount()).toBe(before);
  });

  it('answers 409 for the same callId with different content', async () => {
    const call = aCall({ phoneNumber: customer.phoneNumber, minutes: 2 });
    await service.http().post('/v1/calls').send(call).expect(201);
    const conflict = await service
      .http()
      .post('/v1/calls')
      .send({ ...call, minutes: 5 })
      .expect(409);
    expect(conflict.body.type).toContain('/problems/call-id-conflict');
  });

  it('stores one row when two identical calls arrive at the same instant', async () => {
    const call = aCall({ phoneNumber: customer.phoneNumber });
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => service.http().post('/v1/calls').send(call)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const rows = await service.sql('SELECT id FROM calls WHERE call_id = $1', [call.callId]);
    expect(rows).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.id))).toEqual(new Set([rows[0].id]));
  });

  it('gives each of many concurrent calls its own answer, even when they share one statement', async () => {
    const stored = aCall({ phoneNumber: customer.phoneNumber, minutes: 2 });
    await service.http().post('/v1/calls').send(stored).expect(201);
    const recordCalls = service.app.get(RecordCallsUseCase);
    const original = recordCalls.execute.bind(recordCalls);
    const groupSizes: number[] = [];
    const spy = jest.spyOn(recordCalls, 'execute').mockImplementation(async (inputs) => {
      groupSizes.push(inputs.length);
      // The first groups are held back, so the calls that arrive meanwhile must share the next ones.
      if (groupSizes.length <= 4) await new Promise((resolve) => setTimeout(resolve, 300));
      return original(inputs);
    });
    const fresh = Array.from({ length: 20 }, () => aCall({ phoneNumber: customer.phoneNumber }));
    const requests: [Record<string, unknown>, number][] = [
      ...fresh.map((call): [Record<string, unknown>, number] => [call, 201]),
      ...Array.from({ length: 5 }, (): [Record<string, unknown>, number] => [
        aCall({ phoneNumber: aPhoneNumber() }),
        422,
      ]),
      [{ ...aCall({ phoneNumber: customer.phoneNumber }), minutes: 0 }, 400],
      [stored, 200],
      [{ ...stored, minutes: 7 }, 409],
    ];
    try {
      const responses = await Promise.all(
        requests.map(([call]) => service.http().post('/v1/calls').send(call)),
      );
      expect(responses.map((response) => response.status)).toEqual(requests.map(([, status]) => status));
      responses
        .slice(0, fresh.length)
        .forEach((response, index) => expect(response.body.callId).toBe(fresh[index].callId));
    } finally {
      spy.mockRestore();
    }
    expect(Math.max(...groupSizes)).toBeGreaterThan(1);
    const rows = await service.sql('SELECT call_id FROM calls WHERE call_id = ANY($1)', [
      fresh.map((call) => call.callId),
    ]);
    expect(rows).toHaveLength(fresh.length);
  });

  it.each([
    ['minutes', 0],
    ['minutes', -1],
    ['minutes', 1.5],
    ['minutes', '3'],
    ['minutes', null],
    ['minutes', 1441],
    ['callId', ''],
    ['callId', 'has spaces'],
    ['callId', 'x'.repeat(129)],
    ['startedAt', '2026-10-05 14:03'],
    ['startedAt', '2026-10-05T14:03:00'],
    ['startedAt', 'yesterday'],
    ['destination', 'x'.repeat(33)],
    ['destination', 12],
    ['phoneNumber', '+1 415 555 01'],
  ])('rejects %s = %j with a 400 naming the field, storing nothing', async (field, value) => {
    const before = await callCount();
    const response = await service
      .http()
      .post('/v1/calls')
      .send({ ...aCall({ phoneNumber: customer.phoneNumber }), [field]: value })
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await callCount()).toBe(before);
  });

  it('rejects a call more than 5 minutes in the future, and accepts one 4 minutes ahead', async () => {
    const tooEarly = await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-15T12:05:01Z' }))
      .expect(400);
    expect(tooEarly.body.type).toContain('/problems/started-at-in-future');
    await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-15T12:04:00Z' }))
      .expect(201);
  });

  it('answers 422 for a valid number that belongs to no customer, and holds the call in suspense', async () => {
    const response = await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: aPhoneNumber() }))
      .expect(422);
    expect(response.body.type).toContain('/problems/unknown-phone-number');
    expect(response.body.suspendedCallId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects unknown fields and a body that is not JSON', async () => {
    await service
      .http()
      .post('/v1/calls')
      .send({ ...aCall({ phoneNumber: customer.phoneNumber }), cost: 1 })
      .expect(400);
    const malformed = await service
      .http()
      .post('/v1/calls')
      .set('Content-Type', 'application/json')
      .send('{"callId": ')
      .expect(400);
    expect(malformed.body.type).toContain('/problems/malformed-json');
  });

  it('accepts offsets other than Z and answers in UTC', async () => {
    const response = await service
      .http()
      .post('/v1/calls')
      .send(aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-05T15:03:00+01:00' }))
      .expect(201);
    expect(response.body.startedAt).toBe('2026-10-05T14:03:00.000Z');
  });
});
