import { aCall, aCustomer, CreatedCustomer, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

interface BilledCall {
  id: string;
  callId: string;
  startedAt: string;
  period: string;
  late: boolean;
  charge: { amount: string; currency: string };
}

describe('The calls an invoice billed (GET /v1/invoices/{invoiceId}/calls)', () => {
  let service: TestApp;
  let ada: CreatedCustomer;
  let bob: CreatedCustomer;
  let october: string;
  let november: string;
  const callIds: Record<string, string> = {};

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-20T00:00:00Z' });
    ada = await aCustomer(service);
    bob = await aCustomer(service);
    const oct = [
      aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-02T10:00:00Z', minutes: 2 }),
      aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-01T09:00:00Z', minutes: 1 }),
      aCall({ phoneNumber: bob.phoneNumber, startedAt: '2026-10-03T09:00:00Z', minutes: 5 }),
    ];
    await postCalls(service, oct);
    callIds.octSecond = oct[0].callId as string;
    callIds.octFirst = oct[1].callId as string;
    service.clock.set('2026-11-01T00:10:00Z');
    october = (
      await service.http().post(`/v1/customers/${ada.id}/invoices`).send({ period: '2026-10' }).expect(201)
    ).body.id;

    service.clock.set('2026-11-10T00:00:00Z');
    const late = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-10-31T20:00:00Z', minutes: 7 });
    const nov = aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-11-02T08:00:00Z', minutes: 1 });
    await postCalls(service, [late, nov]);
    callIds.late = late.callId as string;
    callIds.nov = nov.callId as string;
    service.clock.set('2026-12-01T00:10:00Z');
    november = (
      await service.http().post(`/v1/customers/${ada.id}/invoices`).send({ period: '2026-11' }).expect(201)
    ).body.id;
  });
  afterAll(() => service.close());

  it("lists the invoice's own period's calls, oldest first, in the Call shape with late: false", async () => {
    const response = await service.http().get(`/v1/invoices/${october}/calls`).expect(200);
    const calls = response.body.data as BilledCall[];
    expect(calls.map((call) => call.callId)).toEqual([callIds.octFirst, callIds.octSecond]);
    expect(calls[0]).toMatchObject({
      customerId: ada.id,
      phoneNumber: ada.phoneNumber,
      startedAt: '2026-10-01T09:00:00.000Z',
      minutes: 1,
      durationSeconds: 60,
      billedSeconds: 60,
      rate: { group: 'default', ratePerMinute: '0.02' },
      charge: { amount: '0.02', currency: 'USD' },
      plan: 'postpaid',
      period: '2026-10',
      late: false,
    });
    expect(response.body.nextCursor).toBeNull();
  });

  it('lists the late calls a later invoice billed with late: true, and never on the invoice of their period', async () => {
    const response = await service.http().get(`/v1/invoices/${november}/calls`).expect(200);
    const calls = response.body.data as BilledCall[];
    expect(calls.map((call) => [call.callId, call.period, call.late])).toEqual([
      [callIds.late, '2026-10', true],
      [callIds.nov, '2026-11', false],
    ]);
    const octoberCalls = await service.http().get(`/v1/invoices/${october}/calls`).expect(200);
    expect(octoberCalls.body.data.map((call: BilledCall) => call.callId)).not.toContain(callIds.late);
  });

  it('shows the exact charges behind each line: the late line and the usage line of the invoice', async () => {
    const invoice = await service.http().get(`/v1/invoices/${november}`).expect(200);
    const calls = (await service.http().get(`/v1/invoices/${november}/calls`).expect(200)).body
      .data as BilledCall[];
    expect(calls.map((call) => call.charge.amount)).toEqual(['0.14', '0.02']);
    expect(
      invoice.body.lines.map((line: { kind: string; amount: string }) => [line.kind, line.amount]),
    ).toEqual([
      ['usage', '0.02'],
      ['late_usage', '0.14'],
    ]);
  });

  it('walks page by page (keyset) to every call exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = await service.http().get(`/v1/invoices/${november}/calls${query}`).expect(200);
      expect(page.body.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.data.map((call: BilledCall) => call.callId));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([callIds.late, callIds.nov]);
  });

  it("answers the customer's own key, and 404 to another customer's key as for a missing invoice", async () => {
    const own = await service
      .anonymous()
      .get(`/v1/invoices/${october}/calls`)
      .set('Authorization', `Bearer ${ada.apiKey}`)
      .expect(200);
    expect(own.body.data).toHaveLength(2);
    const other = await service
      .anonymous()
      .get(`/v1/invoices/${october}/calls`)
      .set('Authorization', `Bearer ${bob.apiKey}`)
      .expect(404);
    expect(other.body.type).toContain('/problems/invoice-not-found');
  });

  it('answers 404 for an invoice that does not exist and 400 for a cursor it did not issue', async () => {
    const missing = await service
      .http()
      .get('/v1/invoices/00000000-0000-4000-8000-000000000000/calls')
      .expect(404);
    expect(missing.body.type).toContain('/problems/invoice-not-found');
    const badCursor = await service
      .http()
      .get(`/v1/invoices/${october}/calls?cursor=bm90LWEtY3Vyc29y`)
      .expect(400);
    expect(badCursor.body.type).toContain('/problems/invalid-cursor');
  });
});
