import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
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
  ) {}

  async execute(customerId: string, plan: string): Promise<Customer> {
    this.plans.assertExists(plan);
    const customer = await this.getCustomer.execute(customerId);
    customer.changePlan(plan, this.clock.now());
    await this.customers.savePlanHistory(customer);
    return customer;
  }
}
