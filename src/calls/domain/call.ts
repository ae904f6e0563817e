import { timeOrderedId } from '../../shared/domain/time-ordered-id';
import type { Money } from '../../shared/domain/money';
import { minutesOf, type CallRecord } from './call-record';

/** The price a call was rated at: its destination group and per-minute rate (API.md, "Rating"). */
export interface CallRate {
  group: string;
  ratePerMinute: Money;
}

/** A recorded call: what the switch said, plus the rating fixed when it arrived. */
export interface Call extends CallRecord {
  id: string;
  customerId: string;
  /** `ceil(durationSeconds / 60)`. */
  minutes: number;
  /** The seconds the plan's billing increment turned `durationSeconds` into. */
  billedSeconds: number;
  rate: CallRate;
  /** Exact (6 decimals at most): connect fee + billed seconds × rate / 60. */
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
  rate: CallRate;
  billedSeconds: number;
  charge: Money;
  receivedAt: Date;
}

export function newCall(input: RatedCallInput): Call {
  return {
    ...input.record,
    // Time-ordered ids append to the primary key index instead of landing on random pages.
    id: timeOrderedId(),
    customerId: input.customerId,
    minutes: minutesOf(input.record.durationSeconds),
    billedSeconds: input.billedSeconds,
    rate: input.rate,
    charge: input.charge,
    coveredByBalance: null,
    plan: input.plan,
    period: input.period,
    receivedAt: input.receivedAt,
  };
}
