import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { Customer } from '../domain/customer';
import { CustomerRepository } from './customer.repository';
import { GetCustomerQuery } from './get-customer.query';

export interface AddPhoneNumberResult {
  customer: Customer;
  /** false when the number already was this customer's (a replay). */
  added: boolean;
}

@Injectable()
export class AddPhoneNumberUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly getCustomer: GetCustomerQuery,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(customerId: string, rawNumber: string): Promise<AddPhoneNumberResult> {
    const number = PhoneNumber.parse(rawNumber, 'number');
    const customer = await this.getCustomer.execute(customerId);
    if (customer.ownsNumber(number)) return { customer, added: false };
    const before = customer.phoneNumbers.map((owned) => owned.e164);
    await this.unitOfWork.transactional(async () => {
      await this.customers.addPhoneNumber(customer.id, number, this.clock.now());
      await this.audit.record({
        action: 'phone-number.assigned',
        target: { type: 'phone-number', id: number.e164 },
        customerId: customer.id,
        details: { number: number.e164, before, after: [...before, number.e164] },
      });
    });
    customer.addPhoneNumber(number);
    return { customer, added: true };
  }
}
