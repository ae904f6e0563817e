import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DispatchInvoiceDeliveriesUseCase } from '../../src/invoice-delivery/application/dispatch-invoice-deliveries.use-case';
import { type MailServer, startMailServer } from './mail-server';
import { startTestApp, type TestApp } from './test-app';
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { aCall, aCustomer, type CreatedCustomer, postCalls } from './mothers';

export const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
export const MAIL_FROM = 'Acme Billing <billing@acme.test>';

/** Delivery settings for a test app: the channels given, the dispatcher driven by hand. */
export function deliveryEnv(
  channels: { smtpUrl?: string; webhookUrl?: string },
  extra: Record<string, string> = {},
) {
  return {
    ...(channels.smtpUrl ? { SMTP_URL: channels.smtpUrl, MAIL_FROM } : {}),
    ...(channels.webhookUrl
      ? { INVOICE_WEBHOOK_URL: channels.webhookUrl, INVOICE_WEBHOOK_SECRET: WEBHOOK_SECRET }
      : {}),
    INVOICE_ISSUER_NAME: 'Acme Telecom',
    DELIVERY_DISPATCHER: 'false',
    ...extra,
  };
}

/** A real SMTP server and a real webhook receiver, and a test app delivering to both. */
export interface DeliveryRig {
  mail: MailServer;
  receiver: WebhookReceiver;
  service: TestApp;
  /** The app's settings, for a second instance on the same database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startDeliveryRig(extra: Record<string, string> = {}): Promise<DeliveryRig> {
  const mail = await startMailServer();
  const receiver = await startWebhookReceiver();
  const env = deliveryEnv({ smtpUrl: mail.url, webhookUrl: receiver.url }, extra);
  const service = await startTestApp({ env });
  return {
    mail,
    receiver,
    service,
    env,
    async close() {
      await service.close();
      await Promise.all([mail.close(), receiver.close()]);
    },
  };
}

export function dispatcherOf(service: TestApp): DispatchInvoiceDeliveriesUseCase {
  return service.app.get(DispatchInvoiceDeliveriesUseCase);
}

export interface IssuedInvoice {
  customer: CreatedCustomer;
  invoice: { id: string; number: string; total: { amount: string; currency: string } } & Record<
    string,
    unknown
  >;
}

/**
 * A customer created in September with two October calls (5 minutes, 0.10 USD), whose October
 * invoice is issued on demand at 2026-11-01T00:05Z.
 */
export async function anIssuedInvoice(
  service: TestApp,
  customer: { email?: string | null; name?: string } = {},
): Promise<IssuedInvoice> {
  service.clock.set('2026-09-15T00:00:00Z');
  const created = await aCustomer(service, { timezone: 'Europe/Lisbon', ...customer });
  service.clock.set('2026-10-20T00:00:00Z');
  await postCalls(service, [
    aCall({ phoneNumber: created.phoneNumber, startedAt: '2026-10-05T14:03:00Z', minutes: 3 }),
    aCall({ phoneNumber: created.phoneNumber, startedAt: '2026-10-19T09:00:00Z', minutes: 2 }),
  ]);
  service.clock.set('2026-11-01T00:05:00Z');
  const response = await service
    .http()
    .post(`/v1/customers/${created.id}/invoices`)
    .send({ period: '2026-10' })
    .expect(201);
  return { customer: created, invoice: response.body };
}

/** The signed payload, as a receiver using the standardwebhooks library reads it (throws if forged). */
export function verifiedPayload(webhook: ReceivedWebhook): unknown {
  return new Webhook(WEBHOOK_SECRET).verify(webhook.body, webhook.headers as Record<string, string>);
}

export async function deliveriesOf(service: TestApp, invoiceId: string) {
  const response = await service.http().get(`/v1/invoices/${invoiceId}/deliveries`).expect(200);
  return response.body.data as {
    channel: string;
    status: string;
    attempts: number;
    lastError: string | null;
    deliveredAt: string | null;
  }[];
}
