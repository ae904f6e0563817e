import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import { AppConfiguration } from '../../config';
import { Clock } from '../../shared/clock/clock';
import { InvoiceMetrics } from '../../shared/metrics/invoice.metrics';
import { assembleInvoice, invoiceNumber } from '../domain/invoice-assembly';
import { InvoiceEvents } from './invoice-events.port';
import { CustomerTarget, InvoiceRepository, IssueOutcome } from './invoice.repository';

/** Issues the invoices of a set of due targets in one go: the run and the on-demand issue share it. */
@Injectable()
export class InvoiceIssuer {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly catalog: PlanCatalog,
    private readonly events: InvoiceEvents,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly metrics: InvoiceMetrics,
  ) {}

  async issue(targets: CustomerTarget[]): Promise<IssueOutcome> {
    if (targets.length === 0) return { created: [], alreadyInvoiced: [] };
    const byCustomer = new Map(targets.map((target) => [target.customerId, target.customer]));
    const issuedAt = this.clock.now();
    const outcome = await this.invoices.issue({
      targets,
      issuedAt,
      numberFor: (sequence) => invoiceNumber(this.config.INVOICE_NUMBER_PREFIX, issuedAt, sequence),
      assemble: ({ target, usage, late }) =>
        assembleInvoice({
          customerId: target.customerId,
          period: target.period,
          plan: this.catalog.inForce(byCustomer.get(target.customerId)!.planDuring(target.period.code)),
          usage,
          late,
        }),
    });
    this.metrics.issued(outcome.created.length);
    if (outcome.created.length > 0) await this.events.invoicesIssued(outcome.created);
    return outcome;
  }
}
