import {
  anIssuedInvoice,
  deliveriesOf,
  deliveryEnv,
  dispatcherOf,
  verifiedPayload,
  type DeliveryRig,
  startDeliveryRig,
} from '../support/delivery';
import type { MailServer } from '../support/mail-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

describe('Retrying failed deliveries with exponential backoff', () => {
  let mail: MailServer;
  let receiver: WebhookReceiver;
  let service: TestApp;

  let rig: DeliveryRig;

  beforeAll(async () => {
    rig = await startDeliveryRig();
    ({ mail, receiver, service } = rig);
  });
  afterAll(() => rig.close());

  it('sends again to a receiver that failed twice, once, after 30 s and then 60 s, with the same webhook-id', async () => {
    const { invoice } = await anIssuedInvoice(service, { email: null });
    receiver.answer((index) => [500, 503][index] ?? 204);
    const dispatch = () => dispatcherOf(service).dispatchDue();

    expect(await dispatch()).toMatchObject({ attempted: 1, retrying: 1 });
    expect(await deliveriesOf(service, invoice.id)).toEqual([
      {
        channel: 'webhook',
        status: 'pending',
        attempts: 1,
        lastError: 'the receiver answered HTTP 500',
        deliveredAt: null,
      },
    ]);
    expect(await dispatch()).toMatchObject({ attempted: 0 });
    service.clock.advance(29_999);
    expect(await dispatch()).toMatchObject({ attempted: 0 });
    service.clock.advance(1);
    expect(await dispatch()).toMatchObject({ attempted: 1, retrying: 1 });
    service.clock.advance(59_999);
    expect(await dispatch()).toMatchObject({ attempted: 0 });
    service.clock.advance(1);
    expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 1 });

    service.clock.advance(24 * 3600 * 1000);
    expect(await dispatch()).toMatchObject({ attempted: 0 });
    expect(receiver.received.map((webhook) => webhook.status)).toEqual([500, 503, 204]);
    expect(new Set(receiver.received.map((webhook) => webhook.headers['webhook-id'])).size).toBe(1);
    for (const webhook of receiver.received)
      expect(verifiedPayload(webhook)).toMatchObject({ id: invoice.id });
    expect(await deliveriesOf(service, invoice.id)).toEqual([
      {
        channel: 'webhook',
        status: 'delivered',
        attempts: 3,
        lastError: 'the receiver answered HTTP 503',
        deliveredAt: '2026-11-01T00:06:30Z',
      },
    ]);
  });

  it('sends the email again after the mail server refused it for a while', async () => {
    receiver.answer(() => 204);
    const { invoice } = await anIssuedInvoice(service);
    mail.refuseNext(1);
    await dispatcherOf(service).dispatchDue();
    expect(mail.messages).toHaveLength(0);
    const [email] = await deliveriesOf(service, invoice.id);
    expect(email).toMatchObject({ channel: 'email', status: 'pending', attempts: 1 });
    expect(email.lastError).toMatch(/^the mail server refused the message: 451/);

    service.clock.advance(30_000);
    await dispatcherOf(service).dispatchDue();
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0].subject).toBe(`Invoice ${invoice.number} for 2026-10`);
    expect((await deliveriesOf(service, invoice.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});

describe('Giving up after the last attempt', () => {
  it('leaves the delivery failed, with its last error, visible to the operator and the customer', async () => {
    const receiver = await startWebhookReceiver();
    await receiver.close(); // nobody listens there any more: every attempt is refused
    const service = await startTestApp({
      env: deliveryEnv(
        { webhookUrl: receiver.url },
        { DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_RETRY_BASE_MS: '1000' },
      ),
    });
    try {
      const { invoice, customer } = await anIssuedInvoice(service);
      const dispatch = () => dispatcherOf(service).dispatchDue();
      expect(await dispatch()).toMatchObject({ retrying: 1 });
      service.clock.advance(1000);
      expect(await dispatch()).toMatchObject({ retrying: 1 });
      service.clock.advance(2000);
      expect(await dispatch()).toMatchObject({ failed: 1 });
      service.clock.advance(30 * 24 * 3600 * 1000);
      expect(await dispatch()).toMatchObject({ attempted: 0 });

      const failed = {
        channel: 'webhook',
        status: 'failed',
        attempts: 3,
        lastError: 'could not reach the receiver (ECONNREFUSED)',
        deliveredAt: null,
      };
      expect(await deliveriesOf(service, invoice.id)).toEqual([failed]);
      const own = await service
        .anonymous()
        .get(`/v1/invoices/${invoice.id}/deliveries`)
        .set('Authorization', `Bearer ${customer.apiKey}`)
        .expect(200);
      expect(own.body).toEqual({ data: [failed] });
    } finally {
      await service.close();
    }
  });
});
