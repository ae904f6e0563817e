import { Injectable } from '@nestjs/common';
import { PlanCatalog, PrepaidPlan } from '../../billing-plans';
import { CustomerDirectory, CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { NotOnPrepaidPlanError } from '../domain/prepaid.errors';

/** Finds a customer whose plan in force now is prepaid, or says why not (404 / 409). */
@Injectable()
export class PrepaidCustomer {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly catalog: PlanCatalog,
    private readonly clock: Clock,
  ) {}

  async find(customerId: string): Promise<{ customer: CustomerProfile; plan: PrepaidPlan }> {
    const customer = await this.customers.get(customerId);
    const period = BillingPeriod.containing(this.clock.now(), customer.timezone);
    const plan = this.catalog.inForce(customer.planDuring(period.code));
    if (!(plan instanceof PrepaidPlan)) throw new NotOnPrepaidPlanError();
    return { customer, plan };
  }
}
