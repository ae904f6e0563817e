import type { CustomerProfile } from '../../customers';
import type { Invoice } from '../../invoicing';
import type { DeliveryChannelName, OutboxFields } from '../domain/delivery';
import type { DeliveryJob } from './delivery-job.repository';
import type { InvoicePdf } from './render-invoice-pdf.query';

/** What a channel may build an invoice's message from, read for one attempt; the slow parts on demand. */
export interface InvoiceContent {
  kind: 'invoice';
  invoice: Invoice;
  customer(): Promise<CustomerProfile>;
  /** The invoice's PDF: the same bytes as `GET /v1/invoices/{id}/pdf`. */
  pdf(): Promise<InvoicePdf>;
}

/** An event's message (`balance.low`): its JSON body, fixed when it was queued. */
export interface EventContent {
  kind: 'balance.low';
  payload: Record<string, unknown>;
}

export type DeliveryContent = InvoiceContent | EventContent;

/**
 * One way an issued invoice reaches its customer (email, webhook): the delivery strategy. A channel
 * exists on an instance only when it is configured there (see `DeliveryChannels`). One class per
 * channel, registered by name in `infrastructure/delivery-channel.registry.ts`.
 */
export abstract class DeliveryChannel {
  abstract readonly name: DeliveryChannelName;

  /**
   * At issue time, inside the issuing transaction: the outbox fields of this channel's delivery of
   * one invoice, or null when there is nothing to deliver to this customer (email: no address).
   * Pure: no I/O here.
   */
  abstract outboxFields(customer: CustomerProfile): OutboxFields | null;

  /**
   * When an event (`balance.low`) is queued, inside the transaction that raised it: the outbox fields
   * of this channel's delivery of it, or null when this channel carries no events (email). Pure.
   */
  abstract eventFields(): OutboxFields | null;

  /**
   * At send time, outside any transaction: sends one attempt. Resolves when the receiver took it;
   * throws a DeliveryAttemptError (its message is shown in `lastError`) when not. Aborted after
   * DELIVERY_SEND_TIMEOUT_MS, so that it ends inside the dispatcher's lease.
   */
  abstract send(job: DeliveryJob, content: DeliveryContent): Promise<void>;
}

/**
 * The channels this instance has configured, and why the others are off: the one place that
 * decides whether a channel is on. Issuing queues deliveries only for these; the dispatcher sends
 * only these (another instance may send the rest).
 */
export class DeliveryChannels {
  constructor(
    readonly on: readonly DeliveryChannel[],
    /** The channels that are off, each with the reason logged at start. */
    readonly off: readonly { name: DeliveryChannelName; reason: string }[],
  ) {}

  get names(): DeliveryChannelName[] {
    return this.on.map((channel) => channel.name);
  }

  /** The channel of a claimed delivery; the dispatcher claims only the channels that are on. */
  get(name: DeliveryChannelName): DeliveryChannel {
    const channel = this.on.find((candidate) => candidate.name === name);
    if (!channel) throw new Error(`delivery channel ${name} is not on in this instance`);
    return channel;
  }
}
