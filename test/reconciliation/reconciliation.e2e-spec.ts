import { aCall, aCustomer, aPhoneNumber, CreatedCustomer, postCalls } from '../support/mothers';
import { CHARGES_RULE, RECEIVED_RULE } from '../../src/reconciliation/domain/month-reconciliation';
import { startTestApp, TestApp } from '../support/test-app';
import { notAnswered } from './asterisk-row';

/** The month's accounts from the stored calls, invoices, held calls and not-answered CDR records. */
describe('Reconciliation of a UTC month (GET /v1/reconciliation)', () => {
  let service: TestApp;
  let ada: CreatedCustomer; // UTC
  let kenji: CreatedCustomer; // Asia/Tokyo: his periods start 9 hours before the UTC month's
  let lateCallId: string;

  const reconcile = async (month = '2026-10') =>
    (await service.http().get(`/v1/reconciliation?month=${month}`).expect(200)).body;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-31T22:00:00Z' });
    ada = await aCustomer(service);
    kenji = await aCustomer(service, { timezone: 'Asia/Tokyo' });
    const first = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-05T10:00:00Z', minutes: 3 });
    await postCalls(service, [
      first,
      aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-06T10:00:00Z', minutes: 2 }),
      // Tokyo's November, UTC's October: awaiting until Kenji's November is invoiced.
      aCall({ phoneNumber: kenji.phoneNumber, startedAt: '2026-10-31T20:00:00Z', minutes: 1 }),
      // Tokyo's October, UTC's September: not this month's.
      aCall({ phoneNumber: kenji.phoneNumber, startedAt: '2026-09-30T20:00:00Z', minutes: 9 }),
      aCall({ phoneNumber: kenji.phoneNumber, startedAt: '2026-10-10T00:00:00Z', minutes: 4 }),
    ]);
    await service.http().post('/v1/calls').send(first).expect(200); // a replay: not a new call

    // Held calls of unknown lines: one still held, one written off, one of September.
    const unknown = (startedAt: string, durationSeconds: number) =>
      service
        .http()
        .post('/v1/calls')
        .send(aCall({ phoneNumber: aPhoneNumber(), startedAt, durationSeconds }))
        .expect(422);
    await unknown('2026-10-07T00:00:00Z', 30);
    const testLine = await unknown('2026-10-09T00:00:00Z', 20);
    await service
      .http()
      .post(`/v1/suspended-calls/${testLine.body.suspendedCallId}/write-off`)
      .send({ note: 'test line' })
      .expect(200);
    await unknown('2026-09-09T00:00:00Z', 10);
    // Not-answered records: two of October (one of them in the file twice), one of September.
    const file = [
      notAnswered(ada.phoneNumber, '2026-10-11 00:00:00', 'busy-1'),
      notAnswered(ada.phoneNumber, '2026-10-11 00:00:00', 'busy-1'),
      notAnswered(ada.phoneNumber, '2026-10-12 00:00:00', 'busy-2'),
      notAnswered(ada.phoneNumber, '2026-09-12 00:00:00', 'busy-3'),
    ].join('\n');
    await service
      .http()
      .post('/v1/cdr-files?format=asterisk&source=sw1&timezone=UTC')
      .set('Content-Type', 'text/csv')
      .send(`${file}\n`)
      .expect(201);
  });
  afterAll(() => service.close());

  it('before any invoice, counts every recorded call of the month as awaiting an invoice', async () => {
    const october = await reconcile();
    expect(october).toEqual({
      month: '2026-10',
      received: { calls: 4 + 2 + 1 + 1, seconds: (3 + 2 + 1 + 4) * 60 + 0 + 30 + 20 },
      recorded: { calls: 4, billedSeconds: 600, charges: '0.200000' },
      notBillable: { calls: 2 },
      suspended: { calls: 1, byReason: { 'unknown-phone-number': 1, 'no-rate': 0 } },
      writtenOff: { calls: 1 },
      invoiced: { calls: 0, charges: '0.000000' },
      awaitingInvoice: { calls: 4, charges: '0.200000' },
      checks: [
        { rule: RECEIVED_RULE, holds: true },
        { rule: CHARGES_RULE, holds: true },
      ],
    });
  });

  it('counts calls as invoiced by their own customer period, and a late call as awaiting the next invoice', async () => {
    service.clock.set('2026-11-01T00:10:00Z');
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-10' }).expect(200);
    service.clock.set('2026-11-05T00:00:00Z');
    const late = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-31T23:00:00Z', minutes: 7 });
    lateCallId = late.callId as string;
    await postCalls(service, [late]);

    const october = await reconcile();
    expect(october.recorded).toEqual({ calls: 5, billedSeconds: 1020, charges: '0.340000' });
    // Ada's two October calls and Kenji's Tokyo-October call; not Kenji's Tokyo-November one, nor the late one.
    expect(october.invoiced).toEqual({ calls: 3, charges: '0.180000' });
    expect(october.awaitingInvoice).toEqual({ calls: 2, charges: '0.160000' });
    expect(october.received).toEqual({ calls: 9, seconds: 1020 + 50 });
    expect(october.checks.map((check: { holds: boolean }) => check.holds)).toEqual([true, true]);
  });

  it('counts the late call as invoiced once a later invoice claims it, and the month then awaits nothing', async () => {
    service.clock.set('2026-12-01T00:10:00Z');
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-11' }).expect(200);

    const october = await reconcile();
    expect(october.invoiced).toEqual({ calls: 5, charges: '0.340000' });
    expect(october.awaitingInvoice).toEqual({ calls: 0, charges: '0.000000' });
    expect(october.checks.map((check: { holds: boolean }) => check.holds)).toEqual([true, true]);
    const september = await reconcile('2026-09');
    expect(september).toMatchObject({
      recorded: { calls: 1, billedSeconds: 540, charges: '0.180000' },
      invoiced: { calls: 1, charges: '0.180000' },
      notBillable: { calls: 1 },
      suspended: { calls: 1, byReason: { 'unknown-phone-number': 1, 'no-rate': 0 } },
      received: { calls: 3, seconds: 550 },
    });
  });

  it('says the charges do not add up when a call is stored on time in a period already invoiced without it', async () => {
    await service.sql('UPDATE calls SET late = false, late_invoice_id = NULL WHERE call_id = $1', [
      lateCallId,
    ]);
    try {
      const october = await reconcile();
      expect(october.recorded.charges).toBe('0.340000');
      expect(october.checks[1]).toEqual({ rule: CHARGES_RULE, holds: false });
    } finally {
      await restoreLateCall();
    }
  });

  it('says the charges do not add up when a late call names an invoice that was never issued', async () => {
    await service.sql(
      "UPDATE calls SET late_invoice_id = '00000000-0000-4000-8000-000000000000' WHERE call_id = $1",
      [lateCallId],
    );
    try {
      expect((await reconcile()).checks[1]).toEqual({ rule: CHARGES_RULE, holds: false });
    } finally {
      await restoreLateCall();
    }
  });

  async function restoreLateCall(): Promise<void> {
    const [november] = await service.sql<{ id: string }>(
      "SELECT id FROM invoices WHERE customer_id = $1 AND period = '2026-11'",
      [ada.id],
    );
    await service.sql('UPDATE calls SET late = true, late_invoice_id = $2 WHERE call_id = $1', [
      lateCallId,
      november.id,
    ]);
    expect((await reconcile()).checks[1].holds).toBe(true);
  }

  it('answers a month without records with zeros, both checks holding', async () => {
    const empty = await reconcile('1999-01');
    expect(empty.received).toEqual({ calls: 0, seconds: 0 });
    expect(empty.recorded).toEqual({ calls: 0, billedSeconds: 0, charges: '0.000000' });
    expect(empty.checks.map((check: { holds: boolean }) => check.holds)).toEqual([true, true]);
  });

  it.each(['2026-13', '2026-1', '1969-12', 'october', ''])(
    'answers 400 invalid-month for month=%j',
    async (month) => {
      const response = await service.http().get(`/v1/reconciliation?month=${month}`).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.type).toContain('/problems/invalid-month');
    },
  );

  it('answers 400 without a month, and 403 to a customer key', async () => {
    const missing = await service.http().get('/v1/reconciliation').expect(400);
    expect(missing.body.errors).toEqual([{ field: 'month', message: 'month is required' }]);
    const customer = await service
      .anonymous()
      .get('/v1/reconciliation?month=2026-10')
      .set('Authorization', `Bearer ${ada.apiKey}`)
      .expect(403);
    expect(customer.body.type).toContain('/problems/operator-key-required');
  });
});
