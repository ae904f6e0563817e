import { Injectable } from '@nestjs/common';
import { CustomerDirectory } from '../../customers';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { decodeCursor, Page, toPage } from '../../shared/pagination/page';
import { Call } from '../domain/call';
import { InvalidHistoryRangeError } from '../domain/call.errors';
import { CallRepository } from './call.repository';

export interface CallHistoryQueryInput {
  customerId: string;
  period?: string;
  from?: Date;
  to?: Date;
  phoneNumber?: string;
  limit: number;
  cursor: string | null;
}

@Injectable()
export class GetCallHistoryQuery {
  constructor(
    private readonly calls: CallRepository,
    private readonly customers: CustomerDirectory,
  ) {}

  async execute(input: CallHistoryQueryInput): Promise<Page<Call>> {
    const customer = await this.customers.get(input.customerId);
    if (input.period && (input.from || input.to)) throw new InvalidHistoryRangeError();
    const period = input.period ? BillingPeriod.parse(input.period, customer.timezone) : null;
    const from = period?.start ?? input.from ?? null;
    const to = period?.end ?? input.to ?? null;
    const before = input.cursor ? decodeCursor(input.cursor, { startedAt: 'instant', id: 'uuid' }) : null;
    const rows = await this.calls.history({
      customerId: customer.id,
      from,
      to,
      phoneNumber: input.phoneNumber ? PhoneNumber.parse(input.phoneNumber, 'phoneNumber').e164 : null,
      before: before ? { startedAt: new Date(before.startedAt), id: before.id } : null,
      limit: input.limit + 1,
    });
    return toPage(rows, input.limit, (call) => ({ startedAt: call.startedAt.toISOString(), id: call.id }));
  }
}
