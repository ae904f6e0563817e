import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { AppConfiguration } from '../../config';
import { InvoiceResponse } from '../../invoicing';
import { DeliveryAttemptError } from '../application/delivery-attempt.error';
import { WebhookMessage, WebhookSender } from '../application/webhook-sender.port';

/**
 * POSTs the invoice, as GET /v1/invoices/{id} shows it, to INVOICE_WEBHOOK_URL, signed by the
 * Standard Webhooks scheme (the `standardwebhooks` package): webhook-id (the same on every retry),
 * webhook-timestamp and webhook-signature `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.
 * Any 2xx is delivered; anything else, a redirect included, is a failed attempt.
 */
@Injectable()
export class FetchWebhookSender extends WebhookSender {
  private readonly signer: Webhook;
  private readonly url: string;
  private readonly timeoutMs: number;

  constructor(config: AppConfiguration) {
    super();
    this.signer = new Webhook(config.INVOICE_WEBHOOK_SECRET!);
    this.url = config.INVOICE_WEBHOOK_URL!;
    this.timeoutMs = config.DELIVERY_SEND_TIMEOUT_MS;
  }

  async send({ webhookId, invoice }: WebhookMessage): Promise<void> {
    const body = JSON.stringify(InvoiceResponse.of(invoice));
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

export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `the receiver did not answer within ${timeoutMs} ms`;
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code ? `could not reach the receiver (${code})` : 'could not reach the receiver';
}

/** For instances without INVOICE_WEBHOOK_URL: the dispatcher never claims webhook deliveries there. */
export class DisabledWebhookSender extends WebhookSender {
  send(): Promise<void> {
    return Promise.reject(new DeliveryAttemptError('webhook delivery is not configured on this instance'));
  }
}
