import { Injectable, Logger } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { CustomerDirectory, CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { isDueAnInvoice } from '../domain/invoice-due';
import { CustomerTarget, InvoiceIssuer } from './invoice-issuer';
import { InvoiceRepository } from './invoice.repository';

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
 * stays flat and a crash loses at most the batch in flight, which the next run redoes.
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
    let after: CustomerProfile | null = null;
    for (;;) {
      const batch = await this.customers.listPage(this.config.INVOICING_BATCH_SIZE, after);
      if (batch.length === 0) break;
      after = batch[batch.length - 1];
      const due = await this.dueTargets(batch, periodCode, now);
      summary.customers += due.length;
      try {
        const outcome = await this.issuer.issue(due);
        summary.created += outcome.created.length;
        summary.alreadyInvoiced += outcome.alreadyInvoiced.length;
      } catch (error) {
        summary.failed += due.length;
        this.logger.error(
          { err: error, customers: due.length },
          'Invoicing batch failed; the next run retries it',
        );
      }
    }
    return summary;
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
