import { Injectable } from '@nestjs/common';
import { CustomerDirectory } from '../../customers';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { decodeCursor, Page, toPage } from '../../shared/pagination/page';
import { InvalidHistoryRangeError } from '../domain/call.errors';
import { CallHistory, CallView } from './call-history.read-model';

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
    private readonly history: CallHistory,
    private readonly customers: CustomerDirectory,
  ) {}

  async execute(input: CallHistoryQueryInput): Promise<Page<CallView>> {
    if (input.period && (input.from || input.to)) throw new InvalidHistoryRangeError();
    const before = input.cursor ? decodeCursor(input.cursor, { startedAt: 'instant', id: 'uuid' }) : null;
    const phoneNumber = input.phoneNumber ? PhoneNumber.parse(input.phoneNumber, 'phoneNumber').e164 : null;
    // Only a period (a month in the customer's time zone) needs the customer before the calls.
    const customer = input.period ? await this.customers.get(input.customerId) : null;
    const period = customer && input.period ? BillingPeriod.parse(input.period, customer.timezone) : null;
    const calls = await this.history.page({
      customerId: input.customerId,
      from: period?.start ?? input.from ?? null,
      to: period?.end ?? input.to ?? null,
      phoneNumber,
      before: before ? { startedAt: new Date(before.startedAt), id: before.id } : null,
      limit: input.limit + 1,
    });
    // Calls only ever belong to existing customers: an empty page is the one answer that could
    // hide an unknown customer (404).
    if (!customer && calls.length === 0) await this.customers.get(input.customerId);
    return toPage(calls, input.limit, (call) => ({ startedAt: call.startedAt, id: call.id }));
  }
}
