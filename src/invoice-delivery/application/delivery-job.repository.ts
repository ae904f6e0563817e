import type { Delivery, DeliveryChannelName, DeliveryMessageKind, OutboxFields } from '../domain/delivery';

/** A delivery leased by one dispatcher for one attempt. */
export interface DeliveryJob {
  id: string;
  kind: DeliveryMessageKind;
  /** Kind `invoice`: the invoice delivered; null for an event. */
  invoiceId: string | null;
  /** Kind `balance.low`: the event's JSON body, fixed when it was queued; null for an invoice. */
  payload: Record<string, unknown> | null;
  channel: DeliveryChannelName;
  /** What its channel fixed when the invoice was issued (the event queued). */
  fields: OutboxFields;
  /** Proves the lease is still this dispatcher's when the outcome is recorded. */
  leaseToken: string;
  /** The state after the claim: the attempt counted, the lease set. */
  delivery: Delivery;
}

export interface ClaimRequest {
  now: Date;
  leaseUntil: Date;
  channels: readonly DeliveryChannelName[];
  limit: number;
  maxAttempts: number;
}

export interface InvoiceDeliveryView {
  channel: DeliveryChannelName;
  delivery: Delivery;
}

/** Port: the delivery outbox rows, shared safely between any number of dispatchers. */
export abstract class DeliveryJobRepository {
  /**
   * In one short statement (FOR UPDATE SKIP LOCKED): leases up to `limit` due deliveries of these
   * channels, oldest first, and counts their attempt (Delivery.startAttempt, set-wise). Two
   * dispatchers never get the same delivery while its lease runs.
   */
  abstract claimDue(request: ClaimRequest): Promise<DeliveryJob[]>;
  /**
   * Stores an attempt's outcome. A success is stored while the delivery is pending; a failure only
   * while the lease is still this job's. Returns false when nothing was stored.
   */
  abstract recordOutcome(job: DeliveryJob, outcome: Delivery): Promise<boolean>;
  /** Fails the deliveries whose last try was interrupted (lease run out, no try left). */
  abstract abandonInterrupted(
    now: Date,
    maxAttempts: number,
    channels: readonly DeliveryChannelName[],
  ): Promise<number>;
  /** In channel name order (email first, then webhook). */
  abstract listByInvoice(invoiceId: string): Promise<InvoiceDeliveryView[]>;
}
