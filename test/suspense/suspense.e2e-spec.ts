import { RecordCallsUseCase } from '../../src/calls';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text';
import { aCall, aCustomer, aPhoneNumber } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

interface Held {
  id: string;
  callId: string;
  status: string;
  reason: string;
  resolvedAt: string | null;
  callIdOfRecord: string | null;
  writeOffNote: string | null;
}

const SUSPENDED = 'phone_billing_suspended_calls';
const CALLS = 'phone_billing_calls_total';

describe('Suspense: calls held when their line has no owner, retried, written off', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  const post = (body: Record<string, unknown>) => service.http().post('/v1/calls').send(body);
  const list = async (query: string) =>
    (await service.http().get(`/v1/suspended-calls?${query}`).expect(200)).body as {
      data: Held[];
      nextCursor: string | null;
    };
  const heldRows = async (callId: string) =>
    service.sql<{ id: string; status: string }>('SELECT id, status FROM suspended_calls WHERE call_id = $1', [
      callId,
    ]);
  const storedCalls = async (callId: string) =>
    service.sql<{ id: string; customer_id: string; late: boolean }>(
      'SELECT id, customer_id, late FROM calls WHERE call_id = $1',
      [callId],
    );
  const noLines = async () => aCustomer(service, { phoneNumbers: [] });
  const assign = (customerId: string, number: string, from?: string) =>
    service
      .http()
      .post(`/v1/customers/${customerId}/phone-numbers`)
      .send(from ? { number, from } : { number });
  const auditOf = async (action: string, targetId: string) =>
    (
      (await service.http().get(`/v1/audit-events?action=${action}&limit=500`).expect(200)).body as {
        data: { target: { id: string }; actor: { kind: string }; details: Record<string, unknown> }[];
      }
    ).data.filter((event) => event.target.id === targetId);
  const scrape = async () => parsePrometheusText((await service.http().get('/metrics').expect(200)).text);

  it('holds a single call from an unknown line: 422 with its suspendedCallId, listed as the switch sent it', async () => {
    const number = aPhoneNumber();
    const call = aCall({ phoneNumber: number, durationSeconds: 95, destination: '+14155550100' });
    const response = await post(call).expect(422);
    expect(response.body).toMatchObject({
      type: 'https://phone-billing.dev/problems/unknown-phone-number',
      status: 422,
      detail: `unknown phone number ${number}`,
      suspendedCallId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(await list(`phoneNumber=${encodeURIComponent(number)}`)).toEqual({
      data: [
        {
          id: response.body.suspendedCallId,
          callId: call.callId,
          phoneNumber: number,
          destination: '+14155550100',
          startedAt: '2026-10-05T14:03:00.000Z',
          durationSeconds: 95,
          reason: 'unknown-phone-number',
          status: 'suspended',
          source: { kind: 'api', cdrFileId: null, line: null },
          receivedAt: '2026-10-15T12:00:00.000Z',
          resolvedAt: null,
          callIdOfRecord: null,
          writeOffNote: null,
        },
      ],
      nextCursor: null,
    });
    expect(await storedCalls(call.callId as string)).toEqual([]);
  });

  it('answers a replayed held callId with the same suspendedCallId, never a second held row; other content is 409', async () => {
    const call = aCall({ phoneNumber: aPhoneNumber() });
    const first = await post(call).expect(422);
    const replay = await post(call).expect(422);
    expect(replay.body.suspendedCallId).toBe(first.body.suspendedCallId);
    const inBatch = await service
      .http()
      .post('/v1/calls/batch')
      .send({ calls: [call, call] })
      .expect(200);
    expect(inBatch.body.rejected.map((item: { suspendedCallId: string }) => item.suspendedCallId)).toEqual([
      first.body.suspendedCallId,
      first.body.suspendedCallId,
    ]);
    const conflict = await post({ ...call, minutes: 7 }).expect(409);
    expect(conflict.body.type).toContain('/problems/call-id-conflict');
    expect(await heldRows(call.callId as string)).toEqual([
      { id: first.body.suspendedCallId, status: 'suspended' },
    ]);
  });

  it('holds the unknown lines of a batch, counts them as suspended, and stores the others', async () => {
    const ada = await aCustomer(service);
    const [unknownA, unknownB] = [aPhoneNumber(), aPhoneNumber()];
    const calls = [
      aCall({ phoneNumber: ada.phoneNumber }),
      aCall({ phoneNumber: unknownA }),
      aCall({ phoneNumber: ada.phoneNumber, minutes: 0 }),
      aCall({ phoneNumber: unknownB }),
    ];
    const response = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: 0,
      suspended: 2,
      rejected: [
        expect.objectContaining({ index: 1, status: 422, suspendedCallId: expect.any(String) }),
        expect.objectContaining({ index: 2, status: 400 }),
        expect.objectContaining({ index: 3, status: 422, suspendedCallId: expect.any(String) }),
      ],
    });
    expect(response.body.rejected[1].suspendedCallId).toBeUndefined();
    expect((await heldRows(calls[1].callId as string))[0].id).toBe(response.body.rejected[0].suspendedCallId);
    expect((await heldRows(calls[3].callId as string))[0].id).toBe(response.body.rejected[2].suspendedCallId);
  });

  it('records a held call when its line is assigned from before it started, charged to that customer, by the system', async () => {
    const number = aPhoneNumber();
    const call = aCall({ phoneNumber: number, startedAt: '2026-10-05T14:03:00Z', minutes: 3 });
    const held = (await post(call).expect(422)).body.suspendedCallId as string;
    const bob = await noLines();
    await assign(bob.id, number, '2026-10-01T00:00:00Z').expect(201);

    const [stored] = await storedCalls(call.callId as string);
    expect(stored.customer_id).toBe(bob.id);
    const [listed] = (await list(`phoneNumber=${encodeURIComponent(number)}`)).data;
    expect(listed).toMatchObject({
      id: held,
      status: 'recorded',
      resolvedAt: '2026-10-15T12:00:00.000Z',
      callIdOfRecord: stored.id,
    });
    const events = await auditOf('suspended-call.recorded', held);
    expect(events).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', id: null },
        details: {
          callId: call.callId,
          reason: 'unknown-phone-number',
          callIdOfRecord: stored.id,
          charge: { amount: '0.06', currency: 'USD' },
        },
      }),
    ]);
    const replay = await post(call).expect(200);
    expect(replay.body).toMatchObject({ id: stored.id, customerId: bob.id });
    const history = await service.http().get(`/v1/customers/${bob.id}/calls`).expect(200);
    expect(history.body.data.map((c: { callId: string }) => c.callId)).toEqual([call.callId]);
  });

  it('keeps a call held when its line is assigned only from after it started', async () => {
    const number = aPhoneNumber();
    const call = aCall({ phoneNumber: number, startedAt: '2026-10-05T14:03:00Z' });
    const held = (await post(call).expect(422)).body.suspendedCallId as string;
    await assign((await noLines()).id, number, '2026-10-06T00:00:00Z').expect(201);
    expect(await heldRows(call.callId as string)).toEqual([{ id: held, status: 'suspended' }]);
    expect(await storedCalls(call.callId as string)).toEqual([]);
    expect(await auditOf('suspended-call.recorded', held)).toEqual([]);
  });

  it('writes a held call off with a note: listed as written_off, audited; never twice; 404 for an unknown id', async () => {
    const call = aCall({ phoneNumber: aPhoneNumber() });
    const held = (await post(call).expect(422)).body.suspendedCallId as string;
    const written = await service
      .http()
      .post(`/v1/suspended-calls/${held}/write-off`)
      .send({ note: 'test line' })
      .expect(200);
    expect(written.body).toMatchObject({ id: held, status: 'written_off', writeOffNote: 'test line' });
    const listed = await list('status=written_off&limit=500');
    expect(listed.data.find((item) => item.id === held)).toMatchObject({
      status: 'written_off',
      resolvedAt: '2026-10-15T12:00:00.000Z',
      writeOffNote: 'test line',
    });
    expect(await auditOf('suspended-call.written-off', held)).toEqual([
      expect.objectContaining({
        actor: { kind: 'operator', id: null },
        details: { callId: call.callId, reason: 'unknown-phone-number', note: 'test line' },
      }),
    ]);
    const again = await service
      .http()
      .post(`/v1/suspended-calls/${held}/write-off`)
      .send({ note: 'x' })
      .expect(409);
    expect(again.body.type).toContain('/problems/suspended-call-not-held');
    await service
      .http()
      .post('/v1/suspended-calls/019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b/write-off')
      .send({ note: 'x' })
      .expect(404);
    await service.http().post(`/v1/suspended-calls/${held}/write-off`).send({}).expect(400);
    expect(await auditOf('suspended-call.written-off', held)).toHaveLength(1);
  });

  it('records each held call once when reprocessing runs twice during the line assignment', async () => {
    const number = aPhoneNumber();
    const calls = Array.from({ length: 40 }, (_, i) =>
      aCall({
        phoneNumber: number,
        startedAt: `2026-10-0${1 + (i % 9)}T10:00:${String(i).padStart(2, '0')}Z`,
      }),
    );
    const batch = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
    expect(batch.body.suspended).toBe(40);
    const carol = await noLines();

    const [assigned, first, second] = await Promise.all([
      assign(carol.id, number),
      service.http().post('/v1/suspended-calls/reprocess').send({ phoneNumber: number }),
      service.http().post('/v1/suspended-calls/reprocess').send({ phoneNumber: number }),
    ]);
    expect([assigned.status, first.status, second.status]).toEqual([201, 200, 200]);
    const stored = await service.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM calls WHERE call_id = ANY($1)',
      [calls.map((call) => call.callId)],
    );
    expect(stored[0].n).toBe(40);
    const rows = await service.sql<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM suspended_calls WHERE phone_number = $1 GROUP BY status',
      [number],
    );
    expect(rows).toEqual([{ status: 'recorded', n: 40 }]);
    const events = await service.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'suspended-call.recorded'
         AND details->>'callId' = ANY($1)`,
      [calls.map((call) => call.callId)],
    );
    expect(events[0].n).toBe(40);
    expect(first.body.recorded + second.body.recorded).toBeLessThanOrEqual(40);
    expect(first.body.retried).toBe(first.body.recorded + first.body.stillSuspended);
  });

  it('records a held call of an invoiced period as a late call', async () => {
    const dave = await aCustomer(service);
    const number = aPhoneNumber();
    await post(aCall({ phoneNumber: dave.phoneNumber, startedAt: '2026-09-10T10:00:00Z' })).expect(201);
    const call = aCall({ phoneNumber: number, startedAt: '2026-09-12T10:00:00Z' });
    await post(call).expect(422);
    await service.http().post(`/v1/customers/${dave.id}/invoices`).send({ period: '2026-09' }).expect(201);
    await assign(dave.id, number).expect(201);
    expect(await storedCalls(call.callId as string)).toEqual([
      expect.objectContaining({ customer_id: dave.id, late: true }),
    ]);
  });

  it('moves the suspended counters and the gauge by exact amounts', async () => {
    const before = await scrape();
    const calls = [aCall({ phoneNumber: aPhoneNumber() }), aCall({ phoneNumber: aPhoneNumber() })];
    await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
    const single = await post(aCall({ phoneNumber: aPhoneNumber() })).expect(422);
    const held = await scrape();
    const moved = (after: typeof before, name: string, labels: Record<string, string> = {}) =>
      (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    expect(moved(held, CALLS, { source: 'api', outcome: 'suspended' })).toBe(3);
    expect(moved(held, CALLS, { source: 'api', outcome: 'rejected' })).toBe(0);
    expect(moved(held, SUSPENDED)).toBe(3);
    await service
      .http()
      .post(`/v1/suspended-calls/${single.body.suspendedCallId}/write-off`)
      .send({ note: 'never billed' })
      .expect(200);
    expect(moved(await scrape(), SUSPENDED)).toBe(2);
  });

  it('keeps the CDR file and line a held row came from, as the file import passes them', async () => {
    const number = aPhoneNumber();
    const cdrFileId = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';
    const [outcome] = await service.app
      .get(RecordCallsUseCase)
      .execute([aCall({ phoneNumber: number })], [{ kind: 'cdr-file', cdrFileId, line: 42 }]);
    expect(outcome).toMatchObject({ status: 'rejected', suspendedCallId: expect.any(String) });
    const [listed] = (await list(`phoneNumber=${encodeURIComponent(number)}`)).data as (Held & {
      source: unknown;
    })[];
    expect(listed.source).toEqual({ kind: 'cdr-file', cdrFileId, line: 42 });
  });

  it('lists held calls oldest first, filtered, a keyset page at a time', async () => {
    const number = aPhoneNumber();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      service.clock.set(`2026-10-15T12:0${i}:00Z`);
      ids.push((await post(aCall({ phoneNumber: number })).expect(422)).body.suspendedCallId as string);
    }
    service.clock.set('2026-10-15T12:00:00Z');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `phoneNumber=${encodeURIComponent(number)}&reason=unknown-phone-number&status=suspended&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await list(query);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await list('reason=no-rate&phoneNumber=' + encodeURIComponent(number))).data).toEqual([]);
    await service.http().get('/v1/suspended-calls?reason=lost').expect(400);
    await service.anonymous().get('/v1/suspended-calls').expect(401);
  });
});
