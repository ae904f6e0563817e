import { DeliveryJobRepository } from '../../src/invoice-delivery/application/delivery-job.repository';
import {
  anIssuedInvoice,
  deliveriesOf,
  deliveryEnv,
  dispatcherOf,
  type DeliveryRig,
  startDeliveryRig,
} from '../support/delivery';
import type { MailServer } from '../support/mail-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/** The lease with the default DELIVERY_SEND_TIMEOUT_MS: four send timeouts. */
const LEASE_MS = 4 * 30_000;

/** Makes the dispatcher die after sending and before recording: the outcome is never stored. */
function killBeforeRecording(service: TestApp) {
  return jest
    .spyOn(service.app.get(DeliveryJobRepository), 'recordOutcome')
    .mockRejectedValueOnce(new Error('dispatcher killed'));
}

describe('A dispatcher that dies between sending and recording', () => {
  let receiver: WebhookReceiver;
  let service: TestApp;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    service = await startTestApp({ env: deliveryEnv({ webhookUrl: receiver.url }) });
  });
  afterAll(async () => {
    await service.close();
    await receiver.close();
  });

  it('loses nothing: once the lease runs out the invoice is sent again, with the same webhook-id', async () => {
    const { invoice } = await anIssuedInvoice(service);
    killBeforeRecording(service);
    const dispatch = () => dispatcherOf(service).dispatchDue();

    expect(await dispatch()).toMatchObject({ attempted: 1, unrecorded: 1 });
    expect(receiver.received).toHaveLength(1);
    const [row] = await service.sql<{ status: string; attempts: number; locked_until: Date }>(
      'SELECT status, attempts, locked_until FROM invoice_deliveries WHERE invoice_id = $1',
      [invoice.id],
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(row.locked_until).getTime()).toBe(service.clock.now().getTime() + LEASE_MS);

    // Still leased: no other dispatcher touches it while the first might be sending.
    service.clock.advance(LEASE_MS - 1);
    expect(await dispatch()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(1);

    service.clock.advance(1);
    expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
    expect(await deliveriesOf(service, invoice.id)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 2, lastError: null }),
    ]);
  });
});

describe('A dispatcher that dies during the last attempt', () => {
  it('gives the delivery up as failed once the lease runs out, saying the outcome is unknown', async () => {
    const receiver = await startWebhookReceiver();
    const service = await startTestApp({
      env: deliveryEnv({ webhookUrl: receiver.url }, { DELIVERY_MAX_ATTEMPTS: '1' }),
    });
    try {
      const { invoice } = await anIssuedInvoice(service);
      killBeforeRecording(service);
      await dispatcherOf(service).dispatchDue();
      service.clock.advance(LEASE_MS);
      expect(await dispatcherOf(service).dispatchDue()).toMatchObject({ attempted: 0, failed: 1 });
      expect(receiver.received).toHaveLength(1);
      expect(await deliveriesOf(service, invoice.id)).toEqual([
        {
          channel: 'webhook',
          status: 'failed',
          attempts: 1,
          lastError: 'the last attempt was interrupted before its outcome was recorded',
          deliveredAt: null,
        },
      ]);
    } finally {
      await service.close();
      await receiver.close();
    }
  });
});

describe('Two dispatchers racing', () => {
  let rig: DeliveryRig;
  let mail: MailServer;
  let receiver: WebhookReceiver;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Small batches, so the two interleave over many claims.
    rig = await startDeliveryRig({ DELIVERY_BATCH_SIZE: '2' });
    ({ mail, receiver, service: first } = rig);
    // A second instance of the service on the same database: its own pool, its own connections.
    second = await startTestApp({ env: rig.env, databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await rig.close();
  });

  it('never send one delivery twice', async () => {
    first.clock.set('2026-09-15T00:00:00Z');
    const customers = 12;
    for (let index = 0; index < customers; index++)
      await first
        .http()
        .post('/v1/customers')
        .send({ name: `Racer ${index}`, email: `racer${index}@example.com`, phoneNumbers: [] })
        .expect(201);
    first.clock.set('2026-11-01T00:05:00Z');
    second.clock.set('2026-11-01T00:05:00Z');
    const run = await first.http().post('/v1/invoicing/runs').send({ period: '2026-10' }).expect(200);
    expect(run.body.created).toBe(customers);
    receiver.delay(15);

    const [a, b] = await Promise.all([dispatcherOf(first).dispatchDue(), dispatcherOf(second).dispatchDue()]);

    expect(a.attempted + b.attempted).toBe(2 * customers);
    expect(a.delivered + b.delivered).toBe(2 * customers);
    const webhookIds = receiver.received.map((webhook) => webhook.headers['webhook-id']);
    expect(webhookIds).toHaveLength(customers);
    expect(new Set(webhookIds).size).toBe(customers);
    const subjects = mail.messages.map((message) => message.subject);
    expect(subjects).toHaveLength(customers);
    expect(new Set(subjects).size).toBe(customers);
    const [{ count }] = await first.sql<{ count: string }>(
      "SELECT count(*) FROM invoice_deliveries WHERE status = 'delivered' AND attempts = 1",
    );
    expect(Number(count)).toBe(2 * customers);
  });
});
