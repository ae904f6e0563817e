import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { Customer } from '../domain/customer';
import { PhoneNumberTakenError } from '../domain/customer.errors';
import { judgeAssignment } from '../domain/line';
import { CustomerRepository } from './customer.repository';
import { GetCustomerQuery } from './get-customer.query';

export interface AddPhoneNumberResult {
  customer: Customer;
  /** false when the customer already held the number over the whole range (a replay). */
  added: boolean;
}

/**
 * Assigns a number to a customer from `from` on (null: since always, covering earlier calls too).
 * Throws PhoneNumberTakenError when any other line of the number holds it at an instant of that
 * range; the database's exclusion constraint settles concurrent assignments the same way.
 */
@Injectable()
export class AddPhoneNumberUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly getCustomer: GetCustomerQuery,
    private readonly clock: Clock,
  ) {}

  async execute(
    customerId: string,
    rawNumber: string,
    from: Date | null = null,
  ): Promise<AddPhoneNumberResult> {
    const number = PhoneNumber.parse(rawNumber, 'number');
    await this.getCustomer.execute(customerId);
    const added = await this.assign(customerId, number, from);
    return { customer: await this.getCustomer.execute(customerId), added };
  }

  private async assign(customerId: string, number: PhoneNumber, from: Date | null): Promise<boolean> {
    const before = judgeAssignment(await this.customers.linesOfNumber(number.e164), customerId, from);
    if (before.kind === 'already-theirs') return false;
    if (before.kind === 'taken') throw new PhoneNumberTakenError(number.e164);
    if (await this.customers.addLine(customerId, number, from, this.clock.now())) return true;
    // Another request took (part of) the range meanwhile: a replay of this one is still a 200.
    const after = judgeAssignment(await this.customers.linesOfNumber(number.e164), customerId, from);
    if (after.kind === 'already-theirs') return false;
    throw new PhoneNumberTakenError(number.e164);
  }
}
