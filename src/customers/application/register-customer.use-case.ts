import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { IssueCustomerKeyUseCase } from '../../auth';
import { AppConfiguration } from '../../config';
import { Clock } from '../../shared/clock/clock';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { TimeZone } from '../../shared/domain/time-zone';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
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

export interface RegisteredCustomer {
  customer: Customer;
  /** Its first API key, in plaintext: shown this once. */
  apiKey: string;
}

/** Registers a customer with its lines and its first API key, in one unit of work: all or nothing. */
@Injectable()
export class RegisterCustomerUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly issueKey: IssueCustomerKeyUseCase,
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanCodes,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly audit: AuditTrail,
  ) {}

  async execute(command: RegisterCustomerCommand): Promise<RegisteredCustomer> {
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
    return this.unitOfWork.transactional(async () => {
      await this.customers.add(customer);
      const apiKey = await this.issueKey.execute(customer.id);
      await this.audit.record({
        action: 'customer.created',
        target: { type: 'customer', id: customer.id },
        customerId: customer.id,
        details: {
          name: customer.name,
          email: customer.email,
          timezone: customer.timezone.name,
          plan,
          phoneNumbers: customer.phoneNumbers.map((number) => number.e164),
        },
      });
      return { customer, apiKey };
    });
  }
}
