import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { PlanCatalog } from '../../billing-plans';
import { BillableCalls, type CallCharges } from '../../calls';
import { AppConfiguration } from '../../config';
import { PrepaidCharges } from '../../prepaid';
import { Clock } from '../../shared/clock/clock';
import { InvoiceMetrics } from '../../shared/metrics/invoice.metrics';
import { PeriodLocks } from '../../shared/transactions/period-locks';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import type { Invoice } from '../domain/invoice';
import { type AssembledInvoice, assembleInvoice, invoiceNumber } from '../domain/invoice-assembly';
import { InvoiceEvents } from './invoice-events.port';
import { CustomerTarget, InvoiceRepository, InvoiceTarget } from './invoice.repository';
import { IssuedInvoicesOutbox } from './issued-invoices-outbox.port';

export interface IssueOutcome {
  created: Invoice[];
  /** Targets skipped because their invoice already existed. */
  alreadyInvoiced: InvoiceTarget[];
}

/**
 * Issues the invoices of a set of due targets, at most one per customer, in one unit of work: all
 * of them or none. The monthly run (a batch) and the on-demand issue (one target) share it.
 *
 * Exactly once: the periods' invoicing locks are held exclusively from the first step to the
 * commit, so no call of a locked period is recorded meanwhile, and a target already invoiced (by
 * another instance, a racing run, an issue on demand) is skipped. Gapless: the number counter is
 * taken in the same unit of work, as late as possible, since its row lock serialises issuers until
 * they commit.
 */
@Injectable()
export class IssueInvoices {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly periodLocks: PeriodLocks,
    private readonly invoices: InvoiceRepository,
    private readonly calls: BillableCalls,
    private readonly outbox: IssuedInvoicesOutbox,
    private readonly prepaid: PrepaidCharges,
    private readonly events: InvoiceEvents,
    private readonly catalog: PlanCatalog,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly metrics: InvoiceMetrics,
    private readonly audit: AuditTrail,
  ) {}

  async issue(targets: CustomerTarget[]): Promise<IssueOutcome> {
    if (targets.length === 0) return { created: [], alreadyInvoiced: [] };
    const sorted = oneTargetPerCustomer(targets);
    const issuedAt = this.clock.now();
    const outcome = await this.unitOfWork.transactional(async () => {
      await this.periodLocks.lockExclusive(
        sorted.map(({ customerId, period }) => ({ customerId, period: period.code })),
      );
      const invoiced = await this.invoices.invoicedAmong(sorted);
      const due = sorted.filter((target) => !invoiced.has(target.customerId));
      const alreadyInvoiced = sorted.filter((target) => invoiced.has(target.customerId));
      if (due.length === 0) return { created: [], alreadyInvoiced };

      const usage = await this.calls.usageOf(due);
      const ids = due.map(() => randomUUID());
      const late = await this.calls.claimLateCalls(
        due.map((target, index) => ({
          customerId: target.customerId,
          period: target.period.code,
          invoiceId: ids[index],
        })),
      );
      const assembled = due.map((target) => this.assemble(target, usage, late));
      const firstSequence = await this.invoices.takeSequenceNumbers(due.length);
      const created = assembled.map(({ invoice }, index) => ({
        ...invoice,
        id: ids[index],
        number: invoiceNumber(this.config.INVOICE_NUMBER_PREFIX, issuedAt, firstSequence + index),
        status: 'issued' as const,
        issuedAt,
      }));
      await this.invoices.store(created, firstSequence);
      await this.outbox.enqueue(
        created.map((invoice, index) => ({ invoice, customer: due[index].customer })),
      );
      // One statement for the whole batch.
      await this.audit.recordAll(
        created.map((invoice) => ({
          action: 'invoice.issued' as const,
          target: { type: 'invoice', id: invoice.id },
          customerId: invoice.customerId,
          details: { number: invoice.number, period: invoice.period.code, total: invoice.total.toJSON() },
        })),
      );
      await this.prepaid.creditForInvoices(
        created.map((invoice, index) => ({
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          amount: assembled[index].uncoveredPrepaid,
          plan: invoice.plan,
        })),
        issuedAt,
      );
      return { created, alreadyInvoiced };
    });
    this.metrics.issued(outcome.created.length);
    if (outcome.created.length > 0) await this.events.invoicesIssued(outcome.created);
    return outcome;
  }

  private assemble(
    target: CustomerTarget,
    usage: Map<string, CallCharges[]>,
    late: Map<string, CallCharges[]>,
  ): AssembledInvoice {
    return assembleInvoice({
      customerId: target.customerId,
      period: target.period,
      plan: this.catalog.inForce(target.customer.planDuring(target.period.code)),
      usage: usage.get(target.customerId) ?? [],
      late: late.get(target.customerId) ?? [],
    });
  }
}

/**
 * The targets in customer order. Usage reads and late-call claims are keyed by customer: two
 * periods of one customer must go in separate issues, older first (the monthly run's rounds), or
 * both would claim its late calls.
 */
function oneTargetPerCustomer(targets: CustomerTarget[]): CustomerTarget[] {
  if (new Set(targets.map((target) => target.customerId)).size !== targets.length) {
    throw new Error('One issue takes at most one period per customer');
  }
  return [...targets].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
}
