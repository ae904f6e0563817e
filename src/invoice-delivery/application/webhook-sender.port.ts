import type { Invoice } from '../../invoicing';

export interface WebhookMessage {
  /** The same on every attempt, so a receiver can drop a repeat. */
  webhookId: string;
  invoice: Invoice;
}

/** Port: POSTs the signed invoice to the configured receiver; any 2xx or a DeliveryAttemptError. */
export abstract class WebhookSender {
  abstract send(message: WebhookMessage): Promise<void>;
}
