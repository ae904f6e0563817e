import { PDFParse } from 'pdf-parse';
import {
  anIssuedInvoice,
  deliveriesOf,
  deliveryEnv,
  dispatcherOf,
  MAIL_FROM,
  verifiedPayload,
  type DeliveryRig,
  startDeliveryRig,
} from '../support/delivery';
import type { MailServer } from '../support/mail-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('Delivering an issued invoice by email and webhook', () => {
  let mail: MailServer;
  let receiver: WebhookReceiver;
  let service: TestApp;

  let rig: DeliveryRig;

  beforeAll(async () => {
    rig = await startDeliveryRig();
    ({ mail, receiver, service } = rig);
  });
  afterAll(() => rig.close());
  beforeEach(async () => {
    // Each test starts with nothing left to send from the ones before.
    await dispatcherOf(service).dispatchDue();
    mail.messages.length = 0;
    receiver.received.length = 0;
  });

  it('queues one delivery per channel in the issuing transaction, before anything is sent', async () => {
    const { invoice } = await anIssuedInvoice(service);
    const rows = await service.sql<{ channel: string; recipient: string | null; webhook_id: string | null }>(
      'SELECT channel, recipient, webhook_id FROM invoice_deliveries WHERE invoice_id = $1 ORDER BY channel',
      [invoice.id],
    );
    expect(rows).toEqual([
      { channel: 'email', recipient: 'ada@example.com', webhook_id: null },
      { channel: 'webhook', recipient: null, webhook_id: expect.stringMatching(/^msg_[0-9a-f]{32}$/) },
    ]);
    expect(await deliveriesOf(service, invoice.id)).toEqual([
      { channel: 'email', status: 'pending', attempts: 0, lastError: null, deliveredAt: null },
      { channel: 'webhook', status: 'pending', attempts: 0, lastError: null, deliveredAt: null },
    ]);
  });

  it('sends the invoice once by email, with its PDF attached, and once by signed webhook', async () => {
    const { invoice } = await anIssuedInvoice(service, { name: 'Ada Lovelace' });
    service.clock.set('2026-11-01T00:06:00Z');

    const summary = await dispatcherOf(service).dispatchDue();
    expect(summary).toMatchObject({ delivered: 2, retrying: 0, failed: 0, unrecorded: 0 });

    expect(mail.messages).toHaveLength(1);
    const [message] = mail.messages;
    expect(message.to).toMatchObject({ text: 'ada@example.com' });
    expect(message.from).toMatchObject({ value: [{ address: 'billing@acme.test', name: 'Acme Billing' }] });
    expect(MAIL_FROM).toContain('billing@acme.test');
    expect(message.subject).toBe(`Invoice ${invoice.number} for 2026-10`);
    expect(message.text).toContain('Hello Ada Lovelace');
    expect(message.text).toContain('Total: 0.10 USD');
    expect(message.text).toContain('October 2026 (2026-10-01 to 2026-10-31, Europe/Lisbon)');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({ contentType: 'application/pdf', filename: `${invoice.number}.pdf` });
    const text = await pdfText(attachment.content);
    expect(text).toContain(invoice.number);
    expect(text).toContain('0.10 USD');
    const served = await service.http().get(`/v1/invoices/${invoice.id}/pdf`).buffer(true).expect(200);
    expect(Buffer.compare(attachment.content, served.body as Buffer)).toBe(0);

    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    expect(webhook.headers['content-type']).toBe('application/json');
    expect(webhook.headers['webhook-id']).toMatch(/^msg_/);
    expect(webhook.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const current = await service.http().get(`/v1/invoices/${invoice.id}`).expect(200);
    expect(verifiedPayload(webhook)).toEqual(current.body);
    expect(() => verifiedPayload({ ...webhook, body: webhook.body.replace('"0.10"', '"0.01"') })).toThrow(
      /signature/i,
    );

    expect(await deliveriesOf(service, invoice.id)).toEqual([
      {
        channel: 'email',
        status: 'delivered',
        attempts: 1,
        lastError: null,
        deliveredAt: '2026-11-01T00:06:00Z',
      },
      {
        channel: 'webhook',
        status: 'delivered',
        attempts: 1,
        lastError: null,
        deliveredAt: '2026-11-01T00:06:00Z',
      },
    ]);

    service.clock.advance(7 * 24 * 3600 * 1000);
    expect(await dispatcherOf(service).dispatchDue()).toMatchObject({ attempted: 0 });
    expect(mail.messages).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('delivers to a customer without an email by webhook only; the invoice is still issued', async () => {
    const { invoice } = await anIssuedInvoice(service, { email: null });
    expect(await deliveriesOf(service, invoice.id)).toEqual([
      { channel: 'webhook', status: 'pending', attempts: 0, lastError: null, deliveredAt: null },
    ]);
    await dispatcherOf(service).dispatchDue();
    expect(mail.messages).toHaveLength(0);
    expect(receiver.received).toHaveLength(1);
    expect((verifiedPayload(receiver.received[0]) as { id: string }).id).toBe(invoice.id);
  });

  it('queues every invoice of a monthly run: webhook for each, email for those with an address', async () => {
    service.clock.set('2026-10-10T00:00:00Z');
    for (const email of ['run@example.com', null, 'run2@example.com'])
      await service
        .http()
        .post('/v1/customers')
        .send({ name: 'Run customer', email, phoneNumbers: [] })
        .expect(201);
    service.clock.set('2026-12-01T01:00:00Z');
    const run = await service.http().post('/v1/invoicing/runs').send({ period: '2026-11' }).expect(200);
    expect(run.body.created).toBeGreaterThanOrEqual(3);
    const queued = await service.sql<{ email: string | null; channels: string[] }>(
      `SELECT c.email, array_agg(d.channel ORDER BY d.channel) AS channels
       FROM invoices i JOIN customers c ON c.id = i.customer_id
       LEFT JOIN invoice_deliveries d ON d.invoice_id = i.id
       WHERE i.period = '2026-11' GROUP BY i.id, c.email`,
    );
    expect(queued).toHaveLength(run.body.created);
    for (const { email, channels } of queued)
      expect(channels).toEqual(email ? ['email', 'webhook'] : ['webhook']);
    await dispatcherOf(service).dispatchDue();
    expect(receiver.received).toHaveLength(run.body.created);
    expect(mail.messages).toHaveLength(queued.filter((row) => row.email).length);
  });
});

describe('The delivery dispatcher loop', () => {
  it('sends due deliveries by itself on its interval', async () => {
    const receiver = await startWebhookReceiver();
    const service = await startTestApp({
      env: deliveryEnv(
        { webhookUrl: receiver.url },
        { DELIVERY_DISPATCHER: 'true', DELIVERY_POLL_INTERVAL_MS: '50' },
      ),
    });
    try {
      const { invoice } = await anIssuedInvoice(service);
      const deadline = Date.now() + 10_000;
      while (receiver.received.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(receiver.received).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.received).toHaveLength(1);
      expect((await deliveriesOf(service, invoice.id))[0]).toMatchObject({
        status: 'delivered',
        attempts: 1,
      });
    } finally {
      await service.close();
      await receiver.close();
    }
  });
});

describe('Without a delivery channel', () => {
  it('queues nothing, and still serves the PDF', async () => {
    const service = await startTestApp();
    try {
      const { invoice } = await anIssuedInvoice(service);
      expect(await deliveriesOf(service, invoice.id)).toEqual([]);
      expect(await service.sql('SELECT * FROM invoice_deliveries')).toEqual([]);
      await service
        .http()
        .get(`/v1/invoices/${invoice.id}/pdf`)
        .expect(200)
        .expect('Content-Type', 'application/pdf');
      expect(await dispatcherOf(service).dispatchDue()).toMatchObject({ attempted: 0 });
    } finally {
      await service.close();
    }
  });
});
