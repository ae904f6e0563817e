import { Injectable, Logger } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { CustomerDirectory, CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { isDueAnInvoice } from '../domain/invoice-due';
import { InvoiceIssuer } from './invoice-issuer';
import { CustomerTarget, InvoiceRepository } from './invoice.repository';

export interface InvoicingRunSummary {
  period: string | null;
  /** Customers due an invoice for the period. */
  customers: number;
  created: number;
  alreadyInvoiced: number;
  failed: number;
}

/**
 * The monthly run: every customer due an invoice for its last closed period (or the given one) that
 * has none yet gets it. Works through customers in batches, each batch one transaction, so memory
 * stays flat and a crash loses at most the batches in flight, which the next run redoes.
 *
 * Batches are issued on INVOICING_CONCURRENCY lanes at once. Each lane takes the customers of its
 * own lock groups, so the lanes' transactions do not wait on each other's period locks and the
 * service's work on one batch overlaps the database's on another.
 */
@Injectable()
export class RunMonthlyInvoicingUseCase {
  private readonly logger = new Logger(RunMonthlyInvoicingUseCase.name);

  constructor(
    private readonly customers: CustomerDirectory,
    private readonly invoices: InvoiceRepository,
    private readonly issuer: InvoiceIssuer,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
  ) {}

  async execute(periodCode: string | null = null): Promise<InvoicingRunSummary> {
    const now = this.clock.now();
    if (periodCode !== null) BillingPeriod.parse(periodCode, TimeZone.of('UTC')); // a malformed period is a 400
    const summary: InvoicingRunSummary = {
      period: periodCode,
      customers: 0,
      created: 0,
      alreadyInvoiced: 0,
      failed: 0,
    };
    const batchSize = this.config.INVOICING_BATCH_SIZE;
    const lanes = Array.from({ length: this.config.INVOICING_CONCURRENCY }, () => new Lane());
    const laneOf = (target: CustomerTarget) =>
      lanes[this.invoices.lockGroupOf(target.customerId) % lanes.length];
    const issue = (batch: CustomerTarget[]) => () => this.issueBatch(batch, summary);

    let after: CustomerProfile | null = null;
    try {
      for (;;) {
        const page = await this.customers.listPage(batchSize, after);
        if (page.length === 0) break;
        after = page[page.length - 1];
        const due = await this.dueTargets(page, periodCode, now);
        summary.customers += due.length;
        for (const target of due) laneOf(target).pending.push(target);
        for (const lane of lanes) {
          while (lane.pending.length >= batchSize) lane.submit(issue(lane.pending.splice(0, batchSize)));
          // At most one batch waiting behind the running one: memory stays flat however slow a lane is.
          await lane.settleUntilQueued(2);
        }
      }
      for (const lane of lanes) if (lane.pending.length > 0) lane.submit(issue(lane.pending.splice(0)));
    } finally {
      // Even when paging fails, the batches already handed to the lanes finish before the run answers.
      await Promise.all(lanes.map((lane) => lane.settleUntilQueued(0)));
    }
    return summary;
  }

  private async issueBatch(batch: CustomerTarget[], summary: InvoicingRunSummary): Promise<void> {
    try {
      const outcome = await this.issuer.issue(batch);
      summary.created += outcome.created.length;
      summary.alreadyInvoiced += outcome.alreadyInvoiced.length;
    } catch (error) {
      summary.failed += batch.length;
      this.logger.error(
        { err: error, customers: batch.length },
        'Invoicing batch failed; the next run retries it',
      );
    }
  }

  private async dueTargets(
    batch: CustomerProfile[],
    periodCode: string | null,
    now: Date,
  ): Promise<CustomerTarget[]> {
    const closed = batch
      .map((customer) => ({
        customerId: customer.id,
        customer,
        period: periodCode
          ? BillingPeriod.parse(periodCode, customer.timezone)
          : BillingPeriod.lastClosedAt(now, customer.timezone),
      }))
      .filter((target) => target.period.isClosedAt(now));
    const createdAfterEnd = closed.filter((target) => target.customer.createdAt >= target.period.end);
    const withCalls = await this.invoices.customersWithCalls(createdAfterEnd);
    return closed.filter((target) =>
      isDueAnInvoice(target.customer.createdAt, target.period, withCalls.has(target.customerId)),
    );
  }
}

/** Batches issued one after the other; lanes run side by side. */
class Lane {
  readonly pending: CustomerTarget[] = [];
  private readonly queued: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();

  /** `work` must not reject. */
  submit(work: () => Promise<void>): void {
    this.tail = this.tail.then(work);
    this.queued.push(this.tail);
  }

  async settleUntilQueued(count: number): Promise<void> {
    while (this.queued.length > count) await this.queued.shift();
  }
}
