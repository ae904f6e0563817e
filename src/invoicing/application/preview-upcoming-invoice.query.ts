import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import { BillableCalls } from '../../calls';
import { CustomerDirectory } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Invoice } from '../domain/invoice';
import { assembleInvoice } from '../domain/invoice-assembly';

/** The open period's invoice so far; nothing is stored. */
@Injectable()
export class PreviewUpcomingInvoiceQuery {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly calls: BillableCalls,
    private readonly catalog: PlanCatalog,
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string): Promise<Invoice> {
    const customer = await this.customers.get(customerId);
    const period = BillingPeriod.containing(this.clock.now(), customer.timezone);
    const usage = (await this.calls.usageOf([{ customerId: customer.id, period }])).get(customer.id) ?? [];
    const late = await this.calls.unbilledLateCalls(customer.id, period.code);
    const plan = this.catalog.inForce(customer.planDuring(period.code));
    return assembleInvoice({ customerId: customer.id, period, plan, usage, late }).invoice;
  }
}
