import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { Customer } from '../domain/customer';
import { CustomerRepository } from './customer.repository';
import { GetCustomerQuery } from './get-customer.query';
import { PlanCodes } from './plan-codes.port';

/** The new plan waits for the next period in the customer's time zone. */
@Injectable()
export class ChangePlanUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly getCustomer: GetCustomerQuery,
    private readonly plans: PlanCodes,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(customerId: string, plan: string): Promise<Customer> {
    this.plans.assertExists(plan);
    const now = this.clock.now();
    const customer = await this.getCustomer.execute(customerId);
    const next = customer.currentPeriod(now).next().code;
    const before = customer.planHistory.inForceDuring(next);
    customer.changePlan(plan, now);
    await this.unitOfWork.transactional(async () => {
      await this.customers.savePlanHistory(customer);
      // Asking again for the plan already coming next changes nothing: no event.
      if (before === plan) return;
      await this.audit.record({
        action: 'plan.changed',
        target: { type: 'customer', id: customer.id },
        customerId: customer.id,
        details: { before, after: plan, effectiveFrom: next },
      });
    });
    return customer;
  }
}
