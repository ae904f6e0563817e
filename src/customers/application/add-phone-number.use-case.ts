import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { Customer } from '../domain/customer';
import { PhoneNumberTakenError } from '../domain/customer.errors';
import { judgeAssignment } from '../domain/line';
import { CustomerRepository } from './customer.repository';
import { GetCustomerQuery } from './get-customer.query';
import { LineAssignments } from './line-assignments.port';

export interface AddPhoneNumberResult {
  customer: Customer;
  /** false when the customer already held the number over the whole range (a replay). */
  added: boolean;
}

/**
 * Assigns a number to a customer from `from` on (null: since always, covering earlier calls too).
 * Throws PhoneNumberTakenError when any other line of the number holds it at an instant of that
 * range; the database's exclusion constraint settles concurrent assignments the same way. Once
 * the assignment commits, the calls held in suspense for the number are retried (`LineAssignments`).
 */
@Injectable()
export class AddPhoneNumberUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly getCustomer: GetCustomerQuery,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly lineAssignments: LineAssignments,
  ) {}

  async execute(
    customerId: string,
    rawNumber: string,
    from: Date | null = null,
  ): Promise<AddPhoneNumberResult> {
    const number = PhoneNumber.parse(rawNumber, 'number');
    const customer = await this.getCustomer.execute(customerId);
    const added = await this.unitOfWork.transactional(async () => {
      if (!(await this.assign(customerId, number, from))) return false;
      const before = customer.phoneNumbers.map((owned) => owned.e164);
      await this.audit.record({
        action: 'phone-number.assigned',
        target: { type: 'phone-number', id: number.e164 },
        customerId,
        details: { number: number.e164, before, after: [...before, number.e164] },
      });
      return true;
    });
    if (added) await this.lineAssignments.assigned(number.e164);
    return { customer: added ? await this.getCustomer.execute(customerId) : customer, added };
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
