import { Injectable } from '@nestjs/common';
import { PlanCatalog, type PrepaidBalance } from '../../billing-plans';
import { CustomerDirectory, CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { NotOnPrepaidPlanError } from '../domain/prepaid.errors';

/** Finds a customer whose plan in force now draws from a balance, or says why not (404 / 409). */
@Injectable()
export class PrepaidCustomer {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly catalog: PlanCatalog,
    private readonly clock: Clock,
  ) {}

  async find(customerId: string): Promise<{ customer: CustomerProfile; balance: PrepaidBalance }> {
    const customer = await this.customers.get(customerId);
    const period = BillingPeriod.containing(this.clock.now(), customer.timezone);
    const { balance } = this.catalog.inForce(customer.planDuring(period.code));
    if (!balance) throw new NotOnPrepaidPlanError();
    return { customer, balance };
  }
}
