import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { AppConfiguration } from '../../config';
import { BillableCalls } from '../../calls';
import { CustomerDirectory, CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { InvoicingRunMetrics, type InvoicingRunTrigger } from '../../shared/metrics/invoicing-run.metrics';
import { periodLockSliceOf } from '../../shared/transactions/period-locks';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { isDueAnInvoice } from '../domain/invoice-due';
import type { CustomerTarget } from './invoice.repository';
import { InvoicingLane } from './invoicing-lanes';
import { IssueInvoices } from './issue-invoices';
import { MissingInvoicePeriods } from './missing-invoice-periods';

/**
 * What a run did. `customers` counts customers; the other three count invoices (customer and
 * period), so when every customer is due one period they add up to `customers`, and a run that
 * catches up on several periods per customer counts each.
 */
export interface InvoicingRunSummary {
  period: string | null;
  /** Customers due at least one invoice: for the last closed period (or the given one), or an earlier one it lacks. */
  customers: number;
  /** Invoices this run issued. */
  created: number;
  /** Due invoices that already existed (an earlier run, another instance, an issue on demand). */
  alreadyInvoiced: number;
  /** Due invoices this run could not issue; the next run retries them. */
  failed: number;
}

export interface RunOptions {
  /** Aborting stops the run between batches (at shutdown); what it did not issue, the next run does. */
  signal?: AbortSignal;
  /** What started the run, for its duration metric; `api` unless told. */
  trigger?: InvoicingRunTrigger;
}

/**
 * The monthly run. Without a period, every customer gets every invoice it is due for a closed
 * period and lacks: its last closed period and, oldest first, any earlier one (a service that was
 * down for months, calls migrated into a period that was never invoiced). With a period, just that
 * period. Works through customers in pages; each batch is one transaction, so memory stays flat and
 * a crash loses at most the batches in flight, which the next run redoes.
 *
 * Batches are issued on INVOICING_CONCURRENCY lanes at once. Each lane takes the customers of its
 * own period-lock slices, so the lanes' transactions do not wait on each other's period locks and the
 * service's work on one batch overlaps the database's on another.
 */
@Injectable()
export class RunMonthlyInvoicingUseCase {
  private readonly logger = new Logger(RunMonthlyInvoicingUseCase.name);

  constructor(
    private readonly customers: CustomerDirectory,
    private readonly calls: BillableCalls,
    private readonly issueInvoices: IssueInvoices,
    private readonly missingPeriods: MissingInvoicePeriods,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly metrics: InvoicingRunMetrics,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(periodCode: string | null = null, options: RunOptions = {}): Promise<InvoicingRunSummary> {
    const summary = await this.metrics.timed(options.trigger ?? 'api', () => this.run(periodCode, options));
    await this.recordRun(summary, options.trigger ?? 'api');
    return summary;
  }

  /**
   * `invoicing-run.completed`, for a run that issued something (an hourly run that finds nothing
   * due changes nothing, and writes nothing). Its own unit of work, after the batches: each batch's
   * invoices already have their `invoice.issued` events. The actor is the request's (the operator
   * through the API) or the system (scheduled and start-up catch-up runs).
   */
  private async recordRun(summary: InvoicingRunSummary, trigger: InvoicingRunTrigger): Promise<void> {
    if (summary.created === 0) return;
    await this.unitOfWork.transactional(() =>
      this.audit.record({
        action: 'invoicing-run.completed',
        target: { type: 'invoicing-run', id: randomUUID() },
        customerId: null,
        details: { trigger, ...summary },
      }),
    );
  }

  private async run(periodCode: string | null, options: RunOptions): Promise<InvoicingRunSummary> {
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
    const lanes = Array.from(
      { length: this.config.INVOICING_CONCURRENCY },
      () => new InvoicingLane(batchSize),
    );
    const laneOf = (customerId: string) => lanes[periodLockSliceOf(customerId) % lanes.length];
    const failedCustomers = new Set<string>();
    const issue = (batch: CustomerTarget[]) =>
      this.issueBatch(batch, summary, failedCustomers, options.signal);
    const stopped = () => options.signal?.aborted === true;

    let after: CustomerProfile | null = null;
    try {
      while (!stopped()) {
        const page = await this.customers.listPage(batchSize, after);
        if (page.length === 0) break;
        after = page[page.length - 1];
        const due = await this.dueTargets(page, periodCode, now);
        summary.customers += due.length;
        for (const targets of due) laneOf(targets[0].customerId).add(targets);
        for (const lane of lanes) {
          lane.submitFull(issue);
          // At most two batches waiting behind the running one: memory stays flat however slow a lane is.
          await lane.settleUntilQueued(2);
        }
      }
      if (!stopped()) for (const lane of lanes) lane.submitRest(issue);
    } finally {
      // Even when paging fails, the batches already handed to the lanes finish before the run answers.
      await Promise.all(lanes.map((lane) => lane.settleUntilQueued(0)));
    }
    return summary;
  }

  private async issueBatch(
    batch: CustomerTarget[],
    summary: InvoicingRunSummary,
    failedCustomers: Set<string>,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    // A customer whose older invoice failed keeps its newer ones for the next run: never out of order.
    const runnable = batch.filter((target) => !failedCustomers.has(target.customerId));
    summary.failed += batch.length - runnable.length;
    if (runnable.length === 0 || signal?.aborted) return;
    try {
      const outcome = await this.issueInvoices.issue(runnable);
      summary.created += outcome.created.length;
      summary.alreadyInvoiced += outcome.alreadyInvoiced.length;
    } catch (error) {
      summary.failed += runnable.length;
      for (const target of runnable) failedCustomers.add(target.customerId);
      this.logger.error(
        { err: error, invoices: runnable.length },
        'Invoicing batch failed; the next run retries it',
      );
    }
  }

  /** Each due customer's targets, oldest period first. */
  private async dueTargets(
    page: CustomerProfile[],
    periodCode: string | null,
    now: Date,
  ): Promise<CustomerTarget[][]> {
    const candidates = page
      .map((customer) => ({
        customerId: customer.id,
        customer,
        period: periodCode
          ? BillingPeriod.parse(periodCode, customer.timezone)
          : BillingPeriod.lastClosedAt(now, customer.timezone),
      }))
      .filter((target) => target.period.isClosedAt(now));
    const createdAfterEnd = candidates.filter((target) => target.customer.createdAt >= target.period.end);
    const withCalls = await this.calls.customersWithCallsIn(createdAfterEnd);
    const due = candidates.filter((target) =>
      isDueAnInvoice(target.customer.createdAt, target.period, withCalls.has(target.customerId)),
    );
    if (periodCode !== null) return due.map((target) => [target]);

    const earlier = await this.missingPeriods.of(
      candidates.map((target) => ({
        customerId: target.customerId,
        lastClosed: target.period.code,
        firstDue: BillingPeriod.containing(target.customer.createdAt, target.customer.timezone),
      })),
    );
    const dueLast = new Map(due.map((target) => [target.customerId, target]));
    return candidates.flatMap(({ customer }) => {
      const targets: CustomerTarget[] = (earlier.get(customer.id) ?? []).map((code) => ({
        customerId: customer.id,
        customer,
        period: periodOf(code, customer.timezone),
      }));
      const last = dueLast.get(customer.id);
      if (last) targets.push(last);
      return targets.length > 0 ? [targets] : [];
    });
  }
}

/** The period with this code (YYYY-MM) in the zone: the one holding the middle of its month. */
function periodOf(code: string, zone: TimeZone): BillingPeriod {
  return BillingPeriod.containing(
    new Date(Date.UTC(Number(code.slice(0, 4)), Number(code.slice(5, 7)) - 1, 15)),
    zone,
  );
}
