import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
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
  ) {}

  async execute(customerId: string, rawNumber: string): Promise<AddPhoneNumberResult> {
    const number = PhoneNumber.parse(rawNumber, 'number');
    const customer = await this.getCustomer.execute(customerId);
    if (customer.ownsNumber(number)) return { customer, added: false };
    await this.customers.addPhoneNumber(customer.id, number, this.clock.now());
    customer.addPhoneNumber(number);
    return { customer, added: true };
  }
}
