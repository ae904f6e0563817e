import { aCall, aCustomer, aPhoneNumber } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

/** Lines with from/until: assigned, released and recycled numbers, and whom their calls are charged to. */
describe('Line history', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  const assign = (customerId: string, number: string, from?: string) =>
    service
      .http()
      .post(`/v1/customers/${customerId}/phone-numbers`)
      .send(from === undefined ? { number } : { number, from });
  const release = (customerId: string, number: string, at?: string) =>
    service
      .http()
      .delete(`/v1/customers/${customerId}/phone-numbers/${encodeURIComponent(number)}`)
      .query(at === undefined ? {} : { at });
  const lines = async (customerId: string) =>
    (await service.http().get(`/v1/customers/${customerId}/phone-numbers`).expect(200)).body
      .data as unknown[];
  /** Records one call and answers who was charged, or the problem type's last part. */
  const chargedTo = async (phoneNumber: string, startedAt: string): Promise<string> => {
    const response = await service.http().post('/v1/calls').send(aCall({ phoneNumber, startedAt }));
    if (response.status === 201) return response.body.customerId as string;
    return `${response.status} ${String(response.body.type).split('/').pop()}`;
  };
  const noLines = () => aCustomer(service, { phoneNumbers: [] });

  it('assigns a line from an instant: calls before it have no owner, calls from it on are charged', async () => {
    const ada = await noLines();
    const number = aPhoneNumber();
    const created = await assign(ada.id, number, '2026-10-10T00:00:00+02:00').expect(201);
    expect(created.body.phoneNumbers).toEqual([number]);
    expect(await lines(ada.id)).toEqual([{ number, from: '2026-10-09T22:00:00.000Z', until: null }]);
    expect(await chargedTo(number, '2026-10-09T21:59:59Z')).toBe('422 unknown-phone-number');
    expect(await chargedTo(number, '2026-10-09T22:00:00Z')).toBe(ada.id);
  });

  it('assigns a line without from as since always: it covers earlier calls', async () => {
    const ada = await noLines();
    const number = aPhoneNumber();
    await assign(ada.id, number).expect(201);
    expect(await lines(ada.id)).toEqual([{ number, from: null, until: null }]);
    expect(await chargedTo(number, '1999-12-31T23:59:59Z')).toBe(ada.id);
  });

  it('answers 200 when the customer already holds the number over the whole range, changing nothing', async () => {
    const ada = await noLines();
    const number = aPhoneNumber();
    await assign(ada.id, number, '2026-10-01T00:00:00Z').expect(201);
    await assign(ada.id, number, '2026-10-05T00:00:00Z').expect(200);
    await assign(ada.id, number, '2026-10-01T00:00:00Z').expect(200);
    const earlier = await assign(ada.id, number, '2026-09-01T00:00:00Z').expect(409);
    expect(earlier.body.type).toContain('/problems/phone-number-taken');
    expect(await lines(ada.id)).toEqual([{ number, from: '2026-10-01T00:00:00.000Z', until: null }]);
  });

  it('releases a line at an instant: later calls have no owner, earlier ones stay charged', async () => {
    const ada = await aCustomer(service);
    const number = ada.phoneNumber;
    const released = await release(ada.id, number, '2026-10-12T00:00:00Z').expect(200);
    expect(released.body.id).toBe(ada.id);
    expect(released.body.phoneNumbers).toEqual([]);
    expect(await lines(ada.id)).toEqual([{ number, from: null, until: '2026-10-12T00:00:00.000Z' }]);
    expect(await chargedTo(number, '2026-10-11T23:59:59Z')).toBe(ada.id);
    expect(await chargedTo(number, '2026-10-12T00:00:00Z')).toBe('422 unknown-phone-number');
    await release(ada.id, number).expect(404);
  });

  it('releases a line now by default, and lists a line released later as open until then', async () => {
    const ada = await aCustomer(service);
    const later = aPhoneNumber();
    await assign(ada.id, later).expect(201);
    const future = await release(ada.id, later, '2026-12-01T00:00:00Z').expect(200);
    expect(future.body.phoneNumbers).toEqual([ada.phoneNumber, later]);
    await release(ada.id, ada.phoneNumber).expect(200);
    expect(await lines(ada.id)).toEqual([
      { number: ada.phoneNumber, from: null, until: '2026-10-15T12:00:00.000Z' },
      { number: later, from: null, until: '2026-12-01T00:00:00.000Z' },
    ]);
  });

  it('refuses a release at or before the last recorded call of the line (409), storing nothing', async () => {
    const ada = await aCustomer(service);
    expect(await chargedTo(ada.phoneNumber, '2026-10-12T08:00:00Z')).toBe(ada.id);
    for (const at of ['2026-10-12T08:00:00Z', '2026-10-11T00:00:00Z']) {
      const refused = await release(ada.id, ada.phoneNumber, at).expect(409);
      expect(refused.body.type).toContain('/problems/release-before-last-call');
      expect(refused.body.detail).toContain('2026-10-12T08:00:00.000Z');
    }
    expect(await lines(ada.id)).toEqual([{ number: ada.phoneNumber, from: null, until: null }]);
    await release(ada.id, ada.phoneNumber, '2026-10-12T08:00:00.001Z').expect(200);
  });

  it('recycles a released number to another customer from the release on, never before', async () => {
    const ada = await aCustomer(service);
    const bob = await noLines();
    const number = ada.phoneNumber;
    await assign(bob.id, number, '2026-10-12T00:00:00Z').expect(409);
    await release(ada.id, number, '2026-10-12T00:00:00Z').expect(200);
    await assign(bob.id, number).expect(409);
    await assign(bob.id, number, '2026-10-11T23:59:59Z').expect(409);
    const recycled = await assign(bob.id, number, '2026-10-12T00:00:00Z').expect(201);
    expect(recycled.body.phoneNumbers).toEqual([number]);
    expect(await lines(bob.id)).toEqual([{ number, from: '2026-10-12T00:00:00.000Z', until: null }]);
  });

  it('charges a call before the release to the first owner and one after it to the second, in one batch', async () => {
    const ada = await aCustomer(service);
    const bob = await noLines();
    const number = ada.phoneNumber;
    await release(ada.id, number, '2026-10-12T00:00:00Z').expect(200);
    await assign(bob.id, number, '2026-10-12T00:00:00Z').expect(201);
    const before = aCall({ phoneNumber: number, startedAt: '2026-10-11T23:00:00Z' });
    const after = aCall({ phoneNumber: number, startedAt: '2026-10-12T00:00:00Z' });
    const batch = await service
      .http()
      .post('/v1/calls/batch')
      .send({ calls: [after, before] })
      .expect(200);
    expect(batch.body).toMatchObject({ accepted: 2, rejected: [] });
    const stored = await service.sql<{ call_id: string; customer_id: string }>(
      'SELECT call_id, customer_id FROM calls WHERE phone_number = $1 ORDER BY started_at',
      [number],
    );
    expect(stored).toEqual([
      { call_id: before.callId, customer_id: ada.id },
      { call_id: after.callId, customer_id: bob.id },
    ]);
  });

  it('invoices each holder of a recycled number for the calls charged to them, as before', async () => {
    const ada = await aCustomer(service);
    const bob = await noLines();
    const number = ada.phoneNumber;
    await release(ada.id, number, '2026-10-12T00:00:00Z').expect(200);
    await assign(bob.id, number, '2026-10-12T00:00:00Z').expect(201);
    const calls = [
      aCall({ phoneNumber: number, startedAt: '2026-10-11T10:00:00Z', minutes: 3 }),
      aCall({ phoneNumber: number, startedAt: '2026-10-13T10:00:00Z', minutes: 5 }),
      aCall({ phoneNumber: number, startedAt: '2026-10-14T10:00:00Z', minutes: 7 }),
    ];
    await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
    const upcoming = async (customerId: string) =>
      (await service.http().get(`/v1/customers/${customerId}/invoices/upcoming`).expect(200)).body;
    expect(await upcoming(ada.id)).toMatchObject({ callCount: 1, minutes: 3, total: { amount: '0.06' } });
    expect(await upcoming(bob.id)).toMatchObject({ callCount: 2, minutes: 12, total: { amount: '0.24' } });
  });

  it('lets exactly one of many concurrent overlapping assignments of a number win; the rest answer 409', async () => {
    const number = aPhoneNumber();
    const customers = await Promise.all(Array.from({ length: 8 }, () => noLines()));
    const froms = ['2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', undefined, '2026-10-03T00:00:00Z'];
    const statuses = await Promise.all(
      customers.map(async (customer, index) => (await assign(customer.id, number, froms[index % 4])).status),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(customers.length - 1);
    const stored = await service.sql('SELECT customer_id FROM phone_numbers WHERE number = $1', [number]);
    expect(stored).toHaveLength(1);
  });

  it('refuses two overlapping lines of one number in the database itself (the exclusion constraint)', async () => {
    const ada = await aCustomer(service);
    const bob = await noLines();
    await expect(
      service.sql(
        `INSERT INTO phone_numbers (id, number, customer_id, added_at, valid_from)
         VALUES (gen_random_uuid(), $1, $2, now(), '2030-01-01T00:00:00Z')`,
        [ada.phoneNumber, bob.id],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it("lists the customer's lines past and present, for the operator and the customer's own key", async () => {
    const ada = await aCustomer(service);
    const second = aPhoneNumber();
    await release(ada.id, ada.phoneNumber, '2026-10-02T00:00:00Z').expect(200);
    await assign(ada.id, second, '2026-10-03T00:00:00Z').expect(201);
    const expected = [
      { number: ada.phoneNumber, from: null, until: '2026-10-02T00:00:00.000Z' },
      { number: second, from: '2026-10-03T00:00:00.000Z', until: null },
    ];
    expect(await lines(ada.id)).toEqual(expected);
    const own = await service
      .anonymous()
      .get(`/v1/customers/${ada.id}/phone-numbers`)
      .set('Authorization', `Bearer ${ada.apiKey}`)
      .expect(200);
    expect(own.body).toEqual({ data: expected });
    const other = await aCustomer(service);
    await service
      .anonymous()
      .get(`/v1/customers/${ada.id}/phone-numbers`)
      .set('Authorization', `Bearer ${other.apiKey}`)
      .expect(404);
    await service
      .anonymous()
      .delete(`/v1/customers/${ada.id}/phone-numbers/${encodeURIComponent(second)}`)
      .set('Authorization', `Bearer ${ada.apiKey}`)
      .expect(403);
  });

  describe('bad input', () => {
    it('refuses a release not after the line started (400), an unparsable at or from (400)', async () => {
      const ada = await noLines();
      const number = aPhoneNumber();
      await assign(ada.id, number, '2026-10-10T00:00:00Z').expect(201);
      const early = await release(ada.id, number, '2026-10-10T00:00:00Z').expect(400);
      expect(early.body.type).toContain('/problems/release-before-line-start');
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'at' })]);
      const badAt = await release(ada.id, number, '2026-10-10').expect(400);
      expect(badAt.body.errors).toEqual([expect.objectContaining({ field: 'at' })]);
      const badFrom = await assign(ada.id, aPhoneNumber(), '31 October').expect(400);
      expect(badFrom.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
      expect(await lines(ada.id)).toEqual([{ number, from: '2026-10-10T00:00:00.000Z', until: null }]);
    });

    it('refuses what is not a phone number (400), and a number or customer without that line (404)', async () => {
      const ada = await aCustomer(service);
      const notANumber = await release(ada.id, '+351 2').expect(400);
      expect(notANumber.body.type).toContain('/problems/invalid-phone-number');
      await assign(ada.id, 'twelve').expect(400);
      const unknown = await release(ada.id, aPhoneNumber()).expect(404);
      expect(unknown.body.type).toContain('/problems/line-not-found');
      await release('6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00', ada.phoneNumber).expect(404);
      const someoneElses = await aCustomer(service);
      await release(someoneElses.id, ada.phoneNumber).expect(404);
      await service
        .http()
        .get('/v1/customers/6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00/phone-numbers')
        .expect(404);
    });
  });
});
