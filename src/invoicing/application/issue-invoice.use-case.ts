import { Injectable } from '@nestjs/common';
import { BillableCalls } from '../../calls';
import { CustomerDirectory } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Invoice } from '../domain/invoice';
import { isDueAnInvoice } from '../domain/invoice-due';
import { NotDueAnInvoiceError, PeriodNotClosedError } from '../domain/invoicing.errors';
import { InvoiceRepository } from './invoice.repository';
import { IssueInvoices } from './issue-invoices';

export interface IssueInvoiceResult {
  invoice: Invoice;
  /** false: the invoice already existed and is returned unchanged. */
  created: boolean;
}

/** Issues one customer's invoice for one closed period, on demand; idempotent. */
@Injectable()
export class IssueInvoiceUseCase {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly invoices: InvoiceRepository,
    private readonly calls: BillableCalls,
    private readonly issueInvoices: IssueInvoices,
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string, periodCode: string): Promise<IssueInvoiceResult> {
    const customer = await this.customers.get(customerId);
    const period = BillingPeriod.parse(periodCode, customer.timezone);
    const existing = await this.invoices.findByCustomerAndPeriod(customer.id, period.code);
    if (existing) return { invoice: existing, created: false };
    if (!period.isClosedAt(this.clock.now())) throw new PeriodNotClosedError(period.code);
    const target = { customerId: customer.id, period, customer };
    // Only a customer created after the period ended needs its calls counted to be due.
    const existedBefore = isDueAnInvoice(customer.createdAt, period, false);
    const hasCalls = existedBefore || (await this.calls.customersWithCallsIn([target])).has(customer.id);
    if (!isDueAnInvoice(customer.createdAt, period, hasCalls)) throw new NotDueAnInvoiceError(period.code);

    const outcome = await this.issueInvoices.issue([target]);
    if (outcome.created.length > 0) return { invoice: outcome.created[0], created: true };
    // Another instance issued it between our check and our lock.
    const issued = await this.invoices.findByCustomerAndPeriod(customer.id, period.code);
    return { invoice: issued!, created: false };
  }
}
