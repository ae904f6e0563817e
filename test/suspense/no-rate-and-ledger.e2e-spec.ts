import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SuspenseLedger } from '../../src/reconciliation';
import { StartUpRetry } from '../../src/suspense';
import { aCall, aCustomer, aPhoneNumber } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';
import { createFreshDatabase, dropDatabase } from '../support/test-database';
import { aTestFolder, removeTestFolder } from '../support/test-folders';

const withoutUs = {
  postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
  'deck-only': {
    type: 'postpaid',
    currency: 'USD',
    destinations: [{ prefix: '+44', group: 'United Kingdom', ratePerMinute: '0.03' }],
  },
};
const withUs = {
  ...withoutUs,
  'deck-only': {
    ...withoutUs['deck-only'],
    destinations: [
      { prefix: '+44', group: 'United Kingdom', ratePerMinute: '0.03' },
      { prefix: '+1', group: 'US and Canada', ratePerMinute: '0.01' },
    ],
  },
};

describe('Suspense across a catalog change, and its month totals for reconciliation', () => {
  let folder: string;
  let databaseUrl: string;
  let service: TestApp | null = null;

  const boot = async (catalog: object, name: string) => {
    const file = join(folder, name);
    writeFileSync(file, JSON.stringify(catalog));
    service = await startTestApp({
      now: '2026-10-15T12:00:00Z',
      databaseUrl,
      env: { BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'postpaid' },
    });
    return service;
  };
  const restart = async (catalog: object, name: string) => {
    await service?.close();
    return boot(catalog, name);
  };

  beforeAll(async () => {
    folder = aTestFolder('suspense-no-rate');
    databaseUrl = await createFreshDatabase();
  });
  afterAll(async () => {
    await service?.close();
    await dropDatabase(databaseUrl);
    removeTestFolder(folder);
  });

  it('holds an unpriced call, and records it at the start with a catalog that prices it, rated at its start', async () => {
    let app = await boot(withoutUs, 'plans-1.json');
    const customer = await aCustomer(app, { plan: 'deck-only' });
    const unpriced = aCall({
      phoneNumber: customer.phoneNumber,
      destination: '+14155550100',
      startedAt: '2026-10-05T14:03:00Z',
      durationSeconds: 120,
    });
    const held = await app.http().post('/v1/calls').send(unpriced).expect(422);
    expect(held.body).toMatchObject({
      type: 'https://phone-billing.dev/problems/no-rate-for-destination',
      suspendedCallId: expect.any(String),
    });
    const stillUnpriced = await app
      .http()
      .post('/v1/suspended-calls/reprocess')
      .send({ reason: 'no-rate' })
      .expect(200);
    expect(stillUnpriced.body).toEqual({ retried: 1, recorded: 0, stillSuspended: 1 });

    app = await restart(withUs, 'plans-2.json');
    await app.app.get(StartUpRetry).settled();
    const recorded = await app.http().post('/v1/calls').send(unpriced).expect(200);
    expect(recorded.body).toMatchObject({
      customerId: customer.id,
      rate: { group: 'US and Canada', ratePerMinute: '0.01' },
      charge: { amount: '0.02', currency: 'USD' },
    });
    const [row] = await app.sql<{ status: string; call_id_of_record: string }>(
      'SELECT status, call_id_of_record FROM suspended_calls WHERE id = $1',
      [held.body.suspendedCallId],
    );
    expect(row).toEqual({ status: 'recorded', call_id_of_record: recorded.body.id });
    const events = await app.sql<{ actor_kind: string }>(
      "SELECT actor_kind FROM audit_events WHERE action = 'suspended-call.recorded' AND target_id = $1",
      [held.body.suspendedCallId],
    );
    expect(events).toEqual([{ actor_kind: 'system' }]);
  });

  it('records on demand what a restart left held: reprocess answers what it retried, recorded and kept', async () => {
    let app = await restart(withoutUs, 'plans-3.json');
    const customer = await aCustomer(app, { plan: 'deck-only' });
    const unpriced = aCall({ phoneNumber: customer.phoneNumber, destination: '+12125550100' });
    const unknown = aCall({ phoneNumber: aPhoneNumber() });
    await app
      .http()
      .post('/v1/calls/batch')
      .send({ calls: [unpriced, unknown] })
      .expect(200);

    app = await restart(withUs, 'plans-4.json');
    await app.app.get(StartUpRetry).settled();
    // The start-up retry took the no-rate call; what reprocess finds is the unknown line's.
    const reprocessed = await app.http().post('/v1/suspended-calls/reprocess').send({}).expect(200);
    expect(reprocessed.body.recorded).toBe(0);
    expect(reprocessed.body.stillSuspended).toBe(reprocessed.body.retried);
    const rows = await app.sql<{ call_id: string; status: string }>(
      'SELECT call_id, status FROM suspended_calls WHERE call_id = ANY($1) ORDER BY status',
      [[unpriced.callId, unknown.callId]],
    );
    expect(rows).toEqual([
      { call_id: unpriced.callId, status: 'recorded' },
      { call_id: unknown.callId, status: 'suspended' },
    ]);
  });

  it('totals a UTC month of held calls by status and reason from the stored rows (SuspenseLedger)', async () => {
    const app = await restart(withoutUs, 'plans-5.json');
    const ledger = app.app.get(SuspenseLedger);
    const month = {
      month: '2026-08',
      start: new Date('2026-08-01T00:00:00Z'),
      end: new Date('2026-09-01T00:00:00Z'),
    };
    const before = await ledger.monthTotals(month);
    expect(before).toEqual({
      suspended: { calls: 0, seconds: 0, byReason: { 'unknown-phone-number': 0, 'no-rate': 0 } },
      writtenOff: { calls: 0, seconds: 0 },
    });
    const customer = await aCustomer(app, { plan: 'deck-only' });
    const number = aPhoneNumber();
    const calls = [
      aCall({ phoneNumber: number, startedAt: '2026-08-01T00:00:00Z', durationSeconds: 10 }),
      aCall({ phoneNumber: number, startedAt: '2026-08-31T23:59:59Z', durationSeconds: 20 }),
      aCall({
        phoneNumber: customer.phoneNumber,
        destination: '+1415',
        startedAt: '2026-08-15T00:00:00Z',
        durationSeconds: 40,
      }),
      aCall({ phoneNumber: number, startedAt: '2026-08-20T00:00:00Z', durationSeconds: 80 }),
      aCall({ phoneNumber: number, startedAt: '2026-09-01T00:00:00Z', durationSeconds: 160 }),
      aCall({ phoneNumber: number, startedAt: '2026-07-31T23:59:59Z', durationSeconds: 320 }),
    ];
    const batch = await app.http().post('/v1/calls/batch').send({ calls }).expect(200);
    expect(batch.body.suspended).toBe(6);
    await app
      .http()
      .post(`/v1/suspended-calls/${batch.body.rejected[3].suspendedCallId}/write-off`)
      .send({ note: 'test line' })
      .expect(200);
    expect(await ledger.monthTotals(month)).toEqual({
      suspended: { calls: 3, seconds: 70, byReason: { 'unknown-phone-number': 2, 'no-rate': 1 } },
      writtenOff: { calls: 1, seconds: 80 },
    });
    // A held call recorded later is recorded, no longer in suspense.
    const postpaid = await aCustomer(app, { plan: 'postpaid', phoneNumbers: [] });
    await app.http().post(`/v1/customers/${postpaid.id}/phone-numbers`).send({ number }).expect(201);
    expect(await ledger.monthTotals(month)).toEqual({
      suspended: { calls: 1, seconds: 40, byReason: { 'unknown-phone-number': 0, 'no-rate': 1 } },
      writtenOff: { calls: 1, seconds: 80 },
    });
  });

  it('keeps a held call whose line is now owned but unpriced, with its reason now no-rate', async () => {
    const app = await restart(withoutUs, 'plans-6.json');
    const number = aPhoneNumber();
    const call = aCall({ phoneNumber: number, destination: '+14155550100' });
    const held = (await app.http().post('/v1/calls').send(call).expect(422)).body.suspendedCallId as string;
    const deckOnly = await aCustomer(app, { plan: 'deck-only', phoneNumbers: [] });
    await app.http().post(`/v1/customers/${deckOnly.id}/phone-numbers`).send({ number }).expect(201);
    const replay = await app.http().post('/v1/calls').send(call).expect(422);
    expect(replay.body).toMatchObject({
      type: 'https://phone-billing.dev/problems/no-rate-for-destination',
      suspendedCallId: held,
    });
    const [row] = await app.sql('SELECT reason, status FROM suspended_calls WHERE id = $1', [held]);
    expect(row).toEqual({ reason: 'no-rate', status: 'suspended' });
  });
});
