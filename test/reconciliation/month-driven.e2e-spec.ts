import { aCall, aCustomer, CreatedCustomer, postCalls } from '../support/mothers';
import { CHARGES_RULE, RECEIVED_RULE } from '../../src/reconciliation/domain/month-reconciliation';
import { startTestApp, TestApp } from '../support/test-app';
import { asteriskRow as asterisk } from './asterisk-row';

/**
 * A month driven the way an operator lives it: a switch file (posted twice), API calls and their
 * replays, calls from lines nobody held that are later assigned (one of them after its period was
 * invoiced), a write-off, the monthly run and late calls; every figure of the reconciliation is
 * checked, before and after the next month's invoices claim the late calls.
 */
describe('A month of calls, every one accounted for', () => {
  let service: TestApp;
  let ada: CreatedCustomer; // UTC
  let kenji: CreatedCustomer; // Asia/Tokyo: his periods start 9 hours before the UTC month's
  const reconcile = async (month = '2026-10') =>
    (await service.http().get(`/v1/reconciliation?month=${month}`).expect(200)).body;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-20T00:00:00Z' });
    ada = await aCustomer(service, { phoneNumbers: ['+351912100001'] });
    kenji = await aCustomer(service, { phoneNumbers: ['+351912100002'], timezone: 'Asia/Tokyo' });
    service.clock.set('2026-10-31T22:30:00Z');
  });
  afterAll(() => service.close());

  it('accounts for a month driven through files, the API, suspense, an invoice run and late calls', async () => {
    // The switch's file: answered, busy, a national number, two unknown lines, a malformed row, and
    // a not-answered record of the month before.
    const file = [
      asterisk({
        src: '+351912100001',
        start: '2026-10-05 10:00:00',
        answer: '2026-10-05 10:00:05',
        billsec: 180,
        disposition: 'ANSWERED',
        uniqueid: 'u1',
      }),
      asterisk({
        src: '+351912100001',
        start: '2026-10-05 11:00:00',
        answer: '',
        billsec: 0,
        disposition: 'BUSY',
        uniqueid: 'u2',
      }),
      asterisk({
        src: '912100002',
        start: '2026-10-31 20:00:00',
        answer: '2026-10-31 20:00:00',
        billsec: 60,
        disposition: 'ANSWERED',
        uniqueid: 'u3',
      }),
      asterisk({
        src: '+351912100003',
        start: '2026-10-06 09:00:00',
        answer: '2026-10-06 09:00:00',
        billsec: 120,
        disposition: 'ANSWERED',
        uniqueid: 'u4',
      }),
      asterisk({
        src: '+351912100004',
        start: '2026-10-07 09:00:00',
        answer: '2026-10-07 09:00:00',
        billsec: 30,
        disposition: 'ANSWERED',
        uniqueid: 'u5',
      }),
      '"","+351912100001","+14155550105","from-internal","garbled row"',
      asterisk({
        src: '+351912100001',
        start: '2026-09-30 23:59:00',
        answer: '',
        billsec: 0,
        disposition: 'NO ANSWER',
        uniqueid: 'u7',
      }),
    ].join('\n');
    const upload = () =>
      service
        .http()
        .post('/v1/cdr-files?format=asterisk&source=sw9&timezone=UTC&country=PT')
        .set('Content-Type', 'text/csv')
        .send(`${file}\n`);
    const imported = await upload().expect(201);
    expect(imported.body).toMatchObject({
      records: 7,
      recorded: 2,
      notBillable: 2,
      suspended: 2,
      rejected: 1,
    });
    await upload().expect(200); // the same file again: nothing new

    // The API: a call and its replay, a held call from an unknown line, and a batch with a replay in it.
    const a1 = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-07T10:00:00Z', minutes: 2 });
    await service.http().post('/v1/calls').send(a1).expect(201);
    await service.http().post('/v1/calls').send(a1).expect(200);
    const a2 = aCall({
      phoneNumber: '+351912100005',
      startedAt: '2026-10-08T10:00:00Z',
      durationSeconds: 95,
    });
    await service.http().post('/v1/calls').send(a2).expect(422);
    await service.http().post('/v1/calls').send(a2).expect(422); // replayed while held: still one held call
    const a5 = aCall({
      phoneNumber: '+351912100006',
      startedAt: '2026-10-10T10:00:00Z',
      durationSeconds: 45,
    });
    await service.http().post('/v1/calls').send(a5).expect(422);
    const batch = await service
      .http()
      .post('/v1/calls/batch')
      .send({
        calls: [aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-09T10:00:00Z', minutes: 1 }), a1],
      })
      .expect(200);
    expect(batch.body).toMatchObject({ accepted: 1, duplicates: 1 });

    // An unknown line assigned from before its call: the held call is recorded, on time.
    const cid = await aCustomer(service, { phoneNumbers: [] });
    await service
      .http()
      .post(`/v1/customers/${cid.id}/phone-numbers`)
      .send({ number: '+351912100003', from: '2026-10-01T00:00:00Z' })
      .expect(201);
    // A test line, written off.
    const held = await service
      .http()
      .get(`/v1/suspended-calls?phoneNumber=${encodeURIComponent('+351912100004')}`)
      .expect(200);
    await service
      .http()
      .post(`/v1/suspended-calls/${held.body.data[0].id}/write-off`)
      .send({ note: 'test line' })
      .expect(200);

    // The monthly run, then a late call, and an unknown line assigned after its period was invoiced.
    service.clock.set('2026-11-01T00:10:00Z');
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-10' }).expect(200);
    service.clock.set('2026-11-05T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-31T22:00:00Z', minutes: 7 }),
    ]);
    await service
      .http()
      .post(`/v1/customers/${kenji.id}/phone-numbers`)
      .send({ number: '+351912100005', from: '2026-10-01T00:00:00Z' })
      .expect(201);

    const october = await reconcile();
    // Recorded: u1 (180 s, 0.06), u3 (60 s, 0.02, Kenji's November), a1 (120 s, 0.04), the batch's
    // (60 s, 0.02), u4 (120 s, 0.04), the late one (420 s, 0.14), a2 late (95 s billed 120, 0.04).
    expect(october).toEqual({
      month: '2026-10',
      received: { calls: 7 + 1 + 1 + 1, seconds: 180 + 60 + 120 + 60 + 120 + 420 + 95 + 0 + 45 + 30 },
      recorded: { calls: 7, billedSeconds: 1080, charges: '0.360000' },
      notBillable: { calls: 1 },
      suspended: { calls: 1, byReason: { 'unknown-phone-number': 1, 'no-rate': 0 } },
      writtenOff: { calls: 1 },
      invoiced: { calls: 4, charges: '0.160000' },
      awaitingInvoice: { calls: 3, charges: '0.200000' },
      checks: [
        { rule: RECEIVED_RULE, holds: true },
        { rule: CHARGES_RULE, holds: true },
      ],
    });

    // November's invoices claim the late calls and bill Kenji's Tokyo-November call.
    service.clock.set('2026-12-01T00:10:00Z');
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-11' }).expect(200);
    const after = await reconcile();
    expect(after.invoiced).toEqual({ calls: 7, charges: '0.360000' });
    expect(after.awaitingInvoice).toEqual({ calls: 0, charges: '0.000000' });
    expect(after.checks.map((check: { holds: boolean }) => check.holds)).toEqual([true, true]);
    expect(after.received).toEqual(october.received);

    // The not-answered record of September is September's.
    expect((await reconcile('2026-09')).notBillable).toEqual({ calls: 1 });
  });
});
