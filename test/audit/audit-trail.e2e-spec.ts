import { aCall, aCustomer, aPhoneNumber, postCalls } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

interface Event {
  id: string;
  at: string;
  actor: { kind: string; id: string | null };
  action: string;
  target: { type: string; id: string };
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * Every change writes its audit event in its own transaction, with the actor, the request id and
 * what changed; a refused, rolled-back or replayed request writes none.
 */
describe('The audit trail', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-11-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  const eventsOf = async (query: string): Promise<Event[]> =>
    ((await service.http().get(`/v1/audit-events?${query}`).expect(200)).body as { data: Event[] }).data;
  const count = async (table: string) =>
    Number((await service.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('records a customer created by the operator, quoting the request id', async () => {
    const number = aPhoneNumber();
    const response = await service
      .http()
      .post('/v1/customers')
      .set('X-Request-Id', 'req-create-1')
      .send({ name: 'Ada', timezone: 'UTC', plan: 'postpaid', phoneNumbers: [number] })
      .expect(201);
    const id = response.body.id as string;
    expect(await eventsOf(`customerId=${id}`)).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-15T12:00:00.000Z',
        actor: { kind: 'operator', id: null },
        action: 'customer.created',
        target: { type: 'customer', id },
        requestId: 'req-create-1',
        details: { name: 'Ada', email: null, timezone: 'UTC', plan: 'postpaid', phoneNumbers: [number] },
      },
    ]);
  });

  it('records a line assigned, and nothing for the replay of it', async () => {
    const customer = await aCustomer(service);
    const number = aPhoneNumber();
    const add = () =>
      service
        .http()
        .post(`/v1/customers/${customer.id}/phone-numbers`)
        .set('X-Request-Id', 'req-line')
        .send({ number });
    await add().expect(201);
    await add().expect(200);
    const events = await eventsOf(`customerId=${customer.id}&action=phone-number.assigned`);
    expect(events).toEqual([
      expect.objectContaining({
        actor: { kind: 'operator', id: null },
        target: { type: 'phone-number', id: number },
        requestId: 'req-line',
        details: { number, before: [customer.phoneNumber], after: [customer.phoneNumber, number] },
      }),
    ]);
  });

  it('records a line released at its instant, and nothing for a release refused', async () => {
    const customer = await aCustomer(service);
    const release = (at: string) =>
      service
        .http()
        .delete(`/v1/customers/${customer.id}/phone-numbers/${encodeURIComponent(customer.phoneNumber)}`)
        .query({ at })
        .set('X-Request-Id', 'req-release');
    await release('2026-11-20T00:00:00Z').expect(200);
    await release('2026-11-21T00:00:00Z').expect(404);
    const events = await eventsOf(`customerId=${customer.id}&action=phone-number.released`);
    expect(events).toEqual([
      expect.objectContaining({
        actor: { kind: 'operator', id: null },
        target: { type: 'phone-number', id: customer.phoneNumber },
        requestId: 'req-release',
        details: { number: customer.phoneNumber, at: '2026-11-20T00:00:00.000Z' },
      }),
    ]);
  });

  it('records a plan change with before and after, and nothing when the same plan is asked again', async () => {
    const customer = await aCustomer(service, { plan: 'postpaid' });
    await service.http().put(`/v1/customers/${customer.id}/plan`).send({ plan: 'flat' }).expect(200);
    await service.http().put(`/v1/customers/${customer.id}/plan`).send({ plan: 'flat' }).expect(200);
    const events = await eventsOf(`customerId=${customer.id}&action=plan.changed`);
    expect(events.map((event) => event.details)).toEqual([
      { before: 'postpaid', after: 'flat', effectiveFrom: '2026-12' },
    ]);
  });

  it('records a key rotation by the customer itself, with key versions and never the key', async () => {
    const customer = await aCustomer(service);
    const response = await service
      .anonymous()
      .post(`/v1/customers/${customer.id}/api-key`)
      .set('Authorization', `Bearer ${customer.apiKey}`)
      .set('X-Request-Id', 'req-rotate')
      .expect(201);
    const newKey = response.body.apiKey as string;
    const [event] = await eventsOf(`customerId=${customer.id}&action=api-key.rotated`);
    expect(event).toMatchObject({
      actor: { kind: 'customer', id: customer.id },
      target: { type: 'api-key', id: customer.id },
      requestId: 'req-rotate',
      details: { previousVersion: expect.any(String), version: expect.any(String) },
    });
    expect(event.details.previousVersion).not.toEqual(event.details.version);
    const stored = JSON.stringify(await service.sql('SELECT * FROM audit_events'));
    expect(stored).not.toContain(newKey);
    expect(stored).not.toContain(customer.apiKey);
  });

  it('records a top-up with its amount and the balance after, once per reference', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    const topUp = () =>
      service
        .http()
        .post(`/v1/customers/${customer.id}/top-ups`)
        .send({ amount: '10.00', reference: 'pay-1' });
    await topUp().expect(201);
    await topUp().expect(200);
    const events = await eventsOf(`customerId=${customer.id}&action=top-up.recorded`);
    expect(events.map((event) => [event.target, event.details])).toEqual([
      [
        { type: 'prepaid-balance', id: customer.id },
        {
          reference: 'pay-1',
          amount: { amount: '10.00', currency: 'USD' },
          balanceAfter: { amount: '10.00', currency: 'USD' },
        },
      ],
    ]);
  });

  it('records each issued invoice and the run, by the operator through the API', async () => {
    const customer = await aCustomer(service);
    await postCalls(service, [
      aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-10-05T14:03:00Z' }),
    ]);
    await service
      .http()
      .post('/v1/invoicing/runs')
      .set('X-Request-Id', 'req-run')
      .send({ period: '2026-10' })
      .expect(200);
    const [issued] = await eventsOf(`customerId=${customer.id}&action=invoice.issued`);
    expect(issued).toMatchObject({
      actor: { kind: 'operator', id: null },
      target: { type: 'invoice' },
      requestId: 'req-run',
      details: { number: expect.stringMatching(/^INV-/), period: '2026-10', total: { currency: 'USD' } },
    });
    const [run] = await eventsOf('action=invoicing-run.completed');
    expect(run).toMatchObject({
      actor: { kind: 'operator', id: null },
      target: { type: 'invoicing-run' },
      requestId: 'req-run',
      details: { trigger: 'api', period: '2026-10', created: expect.any(Number) },
    });
    // A second run changes nothing and writes nothing.
    const before = await count('audit_events');
    await service.http().post('/v1/invoicing/runs').send({ period: '2026-10' }).expect(200);
    expect(await count('audit_events')).toBe(before);
  });

  it('records a portal sign-in link created by the operator, without its token', async () => {
    const customer = await aCustomer(service);
    const response = await service
      .http()
      .post(`/v1/customers/${customer.id}/portal-sessions`)
      .send({})
      .expect(201);
    const token = new URL(response.body.url as string).searchParams.get('token')!;
    const [event] = await eventsOf(`customerId=${customer.id}&action=portal-session.created`);
    expect(event).toMatchObject({
      actor: { kind: 'operator', id: null },
      target: { type: 'portal-session' },
      details: { kind: 'sign-in-link', expiresAt: response.body.expiresAt },
    });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('writes no event for a refused request', async () => {
    const before = await count('audit_events');
    await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Eve', phoneNumbers: ['+351 2'] })
      .expect(400);
    const customer = await aCustomer(service);
    await service.http().put(`/v1/customers/${customer.id}/plan`).send({ plan: 'gold' }).expect(400);
    await service
      .anonymous()
      .post(`/v1/customers/${customer.id}/top-ups`)
      .set('Authorization', `Bearer ${customer.apiKey}`)
      .send({ amount: '5.00', reference: 'x' })
      .expect(403);
    expect(await count('audit_events')).toBe(before + 1); // the customer.created of aCustomer only
  });

  describe('when writing the event fails after the change', () => {
    beforeAll(async () => {
      await service.sql(`
        CREATE FUNCTION refuse_audit_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected failure after the change'; END $$`);
    });
    afterAll(() => service.sql('DROP FUNCTION refuse_audit_events()'));

    const failing = async (work: () => Promise<void>) => {
      await service.sql(`CREATE TRIGGER refuse_audit_events BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION refuse_audit_events()`);
      try {
        await work();
      } finally {
        await service.sql('DROP TRIGGER refuse_audit_events ON audit_events');
      }
    };

    it('stores neither the customer nor its event', async () => {
      const before = await Promise.all([count('customers'), count('audit_events')]);
      await failing(async () => {
        await service
          .http()
          .post('/v1/customers')
          .send({ name: 'Ada', phoneNumbers: [aPhoneNumber()] })
          .expect(500);
      });
      expect(await Promise.all([count('customers'), count('audit_events')])).toEqual(before);
    });

    it('stores neither the plan change nor its event', async () => {
      const customer = await aCustomer(service, { plan: 'postpaid' });
      await failing(async () => {
        await service.http().put(`/v1/customers/${customer.id}/plan`).send({ plan: 'flat' }).expect(500);
      });
      const read = await service.http().get(`/v1/customers/${customer.id}`).expect(200);
      expect(read.body.pendingPlan).toBeNull();
      expect(await eventsOf(`customerId=${customer.id}&action=plan.changed`)).toEqual([]);
    });

    it('stores neither the top-up nor its event', async () => {
      const customer = await aCustomer(service, { plan: 'prepaid' });
      await failing(async () => {
        await service
          .http()
          .post(`/v1/customers/${customer.id}/top-ups`)
          .send({ amount: '10.00', reference: 'pay-x' })
          .expect(500);
      });
      const balance = await service.http().get(`/v1/customers/${customer.id}/balance`).expect(200);
      expect(balance.body.balance).toEqual({ amount: '0.00', currency: 'USD' });
      expect(await eventsOf(`customerId=${customer.id}&action=top-up.recorded`)).toEqual([]);
    });

    it('issues no invoice and writes no event', async () => {
      const customer = await aCustomer(service);
      await postCalls(service, [
        aCall({ phoneNumber: customer.phoneNumber, startedAt: '2026-09-05T14:03:00Z' }),
      ]);
      await failing(async () => {
        await service
          .http()
          .post(`/v1/customers/${customer.id}/invoices`)
          .send({ period: '2026-09' })
          .expect(500);
      });
      expect(await service.sql('SELECT id FROM invoices WHERE customer_id = $1', [customer.id])).toEqual([]);
    });
  });

  describe('the listing', () => {
    it('walks every event of a customer exactly once, newest first, in pages', async () => {
      const customer = await aCustomer(service, { plan: 'prepaid' });
      for (let index = 0; index < 5; index += 1) {
        service.clock.set(`2026-11-15T13:0${index}:00Z`);
        await service
          .http()
          .post(`/v1/customers/${customer.id}/top-ups`)
          .send({ amount: '1.00', reference: `page-${index}` })
          .expect(201);
      }
      const seen: Event[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `customerId=${customer.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await service.http().get(`/v1/audit-events?${query}`).expect(200)).body as {
          data: Event[];
          nextCursor: string | null;
        };
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen.map((event) => event.action)).toEqual([
        ...Array(5).fill('top-up.recorded'),
        'customer.created',
      ]);
      expect(seen.map((event) => event.details.reference).slice(0, 5)).toEqual([
        'page-4',
        'page-3',
        'page-2',
        'page-1',
        'page-0',
      ]);
    });

    it('refuses an unknown action, a malformed customer id and a crafted cursor with a 400 problem', async () => {
      const unknown = await service.http().get('/v1/audit-events?action=customer.deleted').expect(400);
      expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(unknown.body.errors).toEqual([
        { field: 'action', message: expect.stringContaining('must be one of') },
      ]);
      await service.http().get('/v1/audit-events?customerId=42').expect(400);
      await service.http().get('/v1/audit-events?cursor=bm90LWEtY3Vyc29y').expect(400);
    });

    it("is the operator's only: a customer key gets 403, no key 401", async () => {
      const customer = await aCustomer(service);
      await service
        .anonymous()
        .get(`/v1/audit-events?customerId=${customer.id}`)
        .set('Authorization', `Bearer ${customer.apiKey}`)
        .expect(403);
      await service.anonymous().get('/v1/audit-events').expect(401);
    });
  });

  describe('in the database', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit events', async () => {
      await aCustomer(service);
      await expect(service.sql(`UPDATE audit_events SET action = 'customer.created'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(service.sql('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(service.sql('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      expect(await count('audit_events')).toBeGreaterThan(0);
    });
  });
});
