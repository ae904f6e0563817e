import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { Customer } from '../domain/customer';
import { LineNotFoundError } from '../domain/customer.errors';
import { judgeRelease } from '../domain/line';
import { CustomerRepository } from './customer.repository';
import { GetCustomerQuery } from './get-customer.query';
import { LineCalls } from './line-calls.port';

/**
 * Ends the customer's open line of a number at `at`: calls starting from then on are no longer
 * theirs, and the number may be assigned to another customer from `at` on. Throws
 * CustomerNotFoundError, LineNotFoundError (404), ReleaseBeforeLineStartError (400) and
 * ReleaseBeforeLastCallError (409: a recorded call started at or after `at`).
 */
@Injectable()
export class ReleasePhoneNumberUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly getCustomer: GetCustomerQuery,
    private readonly calls: LineCalls,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(customerId: string, rawNumber: string, at: Date): Promise<Customer> {
    const number = PhoneNumber.parse(rawNumber, 'number');
    await this.getCustomer.execute(customerId);
    const lines = await this.customers.linesOfNumber(number.e164);
    const lastCall = lines.some((line) => line.customerId === customerId && line.until === null)
      ? await this.calls.latestCallStart(customerId, number.e164)
      : null;
    judgeRelease(lines, customerId, number.e164, at, lastCall);
    // A concurrent release of the same line leaves nothing open: the same answer as no line.
    await this.unitOfWork.transactional(async () => {
      if (!(await this.customers.releaseLine(customerId, number.e164, at)))
        throw new LineNotFoundError(customerId, number.e164);
      await this.audit.record({
        action: 'phone-number.released',
        target: { type: 'phone-number', id: number.e164 },
        customerId,
        details: { number: number.e164, at: at.toISOString() },
      });
    });
    return this.getCustomer.execute(customerId);
  }
}
