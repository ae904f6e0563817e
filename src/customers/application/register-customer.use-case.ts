import { Injectable } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { Clock } from '../../shared/clock/clock';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { TimeZone } from '../../shared/domain/time-zone';
import { BillingAddress } from '../domain/billing-address';
import { Customer } from '../domain/customer';
import { CustomerRepository } from './customer.repository';
import { PlanCodes } from './plan-codes.port';

export interface RegisterCustomerCommand {
  name: string;
  email?: string | null;
  timezone?: string;
  plan?: string;
  phoneNumbers?: string[];
  /** Checked by `BillingAddress.parse`; null or absent: none. */
  billingAddress?: unknown;
}

@Injectable()
export class RegisterCustomerUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly plans: PlanCodes,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
  ) {}

  async execute(command: RegisterCustomerCommand): Promise<Customer> {
    const plan = command.plan ?? this.plans.defaultPlan();
    this.plans.assertExists(plan);
    const customer = Customer.register(
      {
        name: command.name,
        email: command.email ?? null,
        timezone: TimeZone.of(command.timezone ?? this.config.BILLING_TIMEZONE),
        plan,
        phoneNumbers: (command.phoneNumbers ?? []).map((raw, index) =>
          PhoneNumber.parse(raw, `phoneNumbers[${index}]`),
        ),
        billingAddress:
          command.billingAddress === undefined || command.billingAddress === null
            ? null
            : BillingAddress.parse(command.billingAddress),
      },
      this.clock.now(),
    );
    await this.customers.add(customer);
    return customer;
  }
}
