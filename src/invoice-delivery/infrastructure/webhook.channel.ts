import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { AppConfig } from '../../config';
import { InvoiceResponse } from '../../invoicing';
import { DeliveryAttemptError } from '../application/delivery-attempt.error';
import { DeliveryChannel, type DeliveryContent } from '../application/delivery-channel';
import type { DeliveryJob } from '../application/delivery-job.repository';
import type { OutboxFields } from '../domain/delivery';

/**
 * POSTs the invoice, as GET /v1/invoices/{id} shows it, or an event's payload (`balance.low`) as it
 * was queued, to INVOICE_WEBHOOK_URL, signed by the
 * Standard Webhooks scheme (the `standardwebhooks` package): webhook-id (fixed at issue time, the
 * same on every retry), webhook-timestamp and webhook-signature
 * `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. Any 2xx is delivered; anything else, a
 * redirect included, is a failed attempt.
 */
export class WebhookChannel extends DeliveryChannel {
  static readonly channel = 'webhook';
  readonly name = WebhookChannel.channel;
  private readonly signer: Webhook;
  private readonly url: string;
  private readonly timeoutMs: number;

  static offReason(config: AppConfig): string | null {
    return config.INVOICE_WEBHOOK_URL ? null : 'INVOICE_WEBHOOK_URL is not set';
  }

  constructor(config: AppConfig) {
    super();
    this.signer = new Webhook(config.INVOICE_WEBHOOK_SECRET!);
    this.url = config.INVOICE_WEBHOOK_URL!;
    this.timeoutMs = config.DELIVERY_SEND_TIMEOUT_MS;
  }

  /** Every invoice, with its own message id. */
  outboxFields(): OutboxFields {
    return { recipient: null, webhookId: `msg_${randomUUID().replaceAll('-', '')}` };
  }

  /** Every event, with its own message id. */
  eventFields(): OutboxFields {
    return this.outboxFields();
  }

  async send(job: DeliveryJob, content: DeliveryContent): Promise<void> {
    const webhookId = job.fields.webhookId!;
    const body = JSON.stringify(
      content.kind === 'invoice' ? InvoiceResponse.of(content.invoice) : content.payload,
    );
    // The wall clock, not the billing Clock: receivers refuse timestamps far from their own time.
    const sentAt = new Date();
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'phone-billing-webhooks',
          'webhook-id': webhookId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': this.signer.sign(webhookId, sentAt, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DeliveryAttemptError(describeFetchFailure(error, this.timeoutMs));
    }
    // Only the status matters; the body is not read (nor shown anywhere).
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status > 299)
      throw new DeliveryAttemptError(`the receiver answered HTTP ${response.status}`);
  }
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `the receiver did not answer within ${timeoutMs} ms`;
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code ? `could not reach the receiver (${code})` : 'could not reach the receiver';
}
