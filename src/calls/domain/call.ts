import { v7 as timeOrderedUuid } from 'uuid';
import type { Money } from '../../shared/domain/money';
import type { CallRecord } from './call-record';

/** A recorded call: what the switch said, plus the charge fixed when it arrived. */
export interface Call extends CallRecord {
  id: string;
  customerId: string;
  unitPrice: Money;
  charge: Money;
  /** Prepaid only: the part of the charge the balance paid. */
  coveredByBalance: Money | null;
  plan: string;
  /** The calendar month of `startedAt` in the customer's time zone. */
  period: string;
  receivedAt: Date;
}

export interface RatedCallInput {
  record: CallRecord;
  customerId: string;
  plan: string;
  period: string;
  unitPrice: Money;
  charge: Money;
  receivedAt: Date;
}

export function newCall(input: RatedCallInput): Call {
  return {
    ...input.record,
    // Time-ordered ids append to the primary key index instead of landing on random pages.
    id: timeOrderedUuid(),
    customerId: input.customerId,
    unitPrice: input.unitPrice,
    charge: input.charge,
    coveredByBalance: null,
    plan: input.plan,
    period: input.period,
    receivedAt: input.receivedAt,
  };
}
