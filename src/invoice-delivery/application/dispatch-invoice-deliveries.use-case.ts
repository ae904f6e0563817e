import { Injectable, Logger } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { GetInvoiceQuery } from '../../invoicing';
import { Clock } from '../../shared/clock/clock';
import { DeliveryMetrics } from '../../shared/metrics/delivery.metrics';
import { DeliveryAttemptError } from './delivery-attempt.error';
import { DeliveryChannels, type DeliveryContent, type InvoiceContent } from './delivery-channel';
import { DeliveryJob, DeliveryJobRepository } from './delivery-job.repository';
import { deliverySettings, DeliverySettings } from './delivery-settings';
import { RenderInvoicePdfQuery } from './render-invoice-pdf.query';

export interface DispatchSummary {
  /** Attempts started. */
  attempted: number;
  delivered: number;
  /** Failed attempts that will be tried again after their backoff. */
  retrying: number;
  /** Deliveries given up: the last try failed, or was interrupted before its outcome was recorded. */
  failed: number;
  /** Attempts whose outcome could not be stored: their lease runs out and they are tried again. */
  unrecorded: number;
}

/** A bound on one call's work, so a tick always ends; the next tick goes on where this one stopped. */
const MAX_BATCHES_PER_CALL = 50;

/**
 * Sends the due deliveries of the transactional outbox, invoices and events (`balance.low`) alike:
 * only the content of a message depends on its kind. Each batch is leased in one short statement,
 * sent outside any transaction (concurrently, each send bounded by the adapters' timeout) and each
 * outcome recorded on its own: a crash between sending and recording loses nothing, the lease runs
 * out and the delivery is sent again (with the same webhook-id). Safe with any number of instances.
 */
@Injectable()
export class DispatchInvoiceDeliveriesUseCase {
  private readonly logger = new Logger('InvoiceDelivery');
  readonly settings: DeliverySettings;

  constructor(
    private readonly jobs: DeliveryJobRepository,
    private readonly invoices: GetInvoiceQuery,
    private readonly customers: CustomerDirectory,
    private readonly pdf: RenderInvoicePdfQuery,
    private readonly channels: DeliveryChannels,
    private readonly clock: Clock,
    config: AppConfiguration,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.settings = deliverySettings(config);
  }

  async dispatchDue(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0, unrecorded: 0 };
    const { policy, batchSize, leaseMs } = this.settings;
    const channels = this.channels.names;
    if (channels.length === 0) return summary;
    summary.failed += await this.jobs.abandonInterrupted(this.clock.now(), policy.maxAttempts, channels);
    for (let batch = 0; batch < MAX_BATCHES_PER_CALL; batch++) {
      const now = this.clock.now();
      const claimed = await this.jobs.claimDue({
        now,
        leaseUntil: new Date(now.getTime() + leaseMs),
        channels,
        limit: batchSize,
        maxAttempts: policy.maxAttempts,
      });
      summary.attempted += claimed.length;
      for (const result of await Promise.all(claimed.map((job) => this.attempt(job)))) summary[result] += 1;
      if (claimed.length < batchSize) break;
    }
    return summary;
  }

  private async attempt(job: DeliveryJob): Promise<Exclude<keyof DispatchSummary, 'attempted'>> {
    const error = await this.send(job).then(
      () => null,
      (failure: unknown) => this.describe(failure, job),
    );
    const now = this.clock.now();
    const outcome =
      error === null ? job.delivery.succeeded(now) : job.delivery.failed(now, error, this.settings.policy);
    try {
      if (!(await this.jobs.recordOutcome(job, outcome))) {
        this.logger.warn({ deliveryId: job.id }, 'Delivery attempt outcome not stored: its lease was lost');
        return 'unrecorded';
      }
    } catch (failure) {
      this.logger.error(
        { err: failure, deliveryId: job.id },
        'Delivery attempt outcome not stored; it is tried again when its lease runs out',
      );
      return 'unrecorded';
    }
    this.logOutcome(job, outcome.status, error);
    this.metrics.attempted(job.channel, job.kind, outcome.status === 'pending' ? 'retried' : outcome.status);
    return outcome.status === 'pending' ? 'retrying' : outcome.status;
  }

  private async send(job: DeliveryJob): Promise<void> {
    const channel = this.channels.get(job.channel);
    await channel.send(job, await this.contentOf(job));
  }

  private async contentOf(job: DeliveryJob): Promise<DeliveryContent> {
    if (job.kind !== 'invoice') return { kind: job.kind, payload: job.payload! };
    return this.invoiceContent(await this.invoices.execute(job.invoiceId!));
  }

  private invoiceContent(invoice: InvoiceContent['invoice']): InvoiceContent {
    let customer: Promise<CustomerProfile> | null = null;
    const customerOnce = () => (customer ??= this.customers.get(invoice.customerId));
    return {
      kind: 'invoice',
      invoice,
      customer: customerOnce,
      pdf: async () => this.pdf.render(invoice, await customerOnce()),
    };
  }

  /** What the operator (and the customer) may read in lastError; anything unexpected is logged here. */
  private describe(failure: unknown, job: DeliveryJob): string {
    if (failure instanceof DeliveryAttemptError) return failure.message;
    this.logger.error({ err: failure, deliveryId: job.id }, 'Delivery attempt failed unexpectedly');
    return 'internal error while preparing the delivery';
  }

  private logOutcome(job: DeliveryJob, status: string, error: string | null): void {
    const context = {
      deliveryId: job.id,
      kind: job.kind,
      invoiceId: job.invoiceId,
      channel: job.channel,
      attempt: job.delivery.attempts,
    };
    const what = job.kind === 'invoice' ? 'Invoice' : `Event ${job.kind}`;
    if (status === 'delivered') this.logger.log(context, `${what} delivered`);
    else if (status === 'failed') this.logger.error({ ...context, error }, `${what} delivery given up`);
    else this.logger.warn({ ...context, error }, `${what} delivery attempt failed; retrying`);
  }
}
