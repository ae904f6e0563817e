import { Injectable } from '@nestjs/common';
import { NoRateForDestinationError } from '../../billing-plans';
import { CustomerDirectory } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import type { Call } from '../domain/call';
import { type CallRecord, sameCallContent } from '../domain/call-record';
import { CallRater } from './call-rater';
import type { SuspenseReason } from './call-suspense.port';
import { type PendingCall, StoreRatedCalls } from './store-rated-calls';

/** What became of a held record on a retry. */
export type HeldCallRetry =
  | { status: 'recorded'; call: Call }
  /** Still unchargeable, for this reason now. */
  | { status: 'still-held'; reason: SuspenseReason }
  /** Its callId is stored as another call (different content): it stays held, for an operator. */
  | { status: 'conflict' };

/**
 * Records held call records through the same rating and storage path as arriving calls: rated by
 * the plan and rates of their start, a call of an invoiced period stored as a late call. Runs in
 * the caller's unit of work (suspense marks the held rows recorded in the same transaction). The
 * calls' unique callId keeps a record stored once whoever retries it.
 */
@Injectable()
export class RecordHeldCallsUseCase {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly rater: CallRater,
    private readonly storage: StoreRatedCalls,
    private readonly clock: Clock,
  ) {}

  async execute(records: CallRecord[]): Promise<Map<string, HeldCallRetry>> {
    const now = this.clock.now();
    const results = new Map<string, HeldCallRetry>();
    const owners = await this.customers.findOwnersOf([
      ...new Set(records.map((record) => record.phoneNumber)),
    ]);
    const pending: PendingCall[] = [];
    for (const record of records) {
      const owner = owners.at(record.phoneNumber, record.startedAt);
      if (!owner || record.startedAt.getTime() < BillingPeriod.first(owner.timezone).start.getTime()) {
        results.set(record.callId, { status: 'still-held', reason: 'unknown-phone-number' });
        continue;
      }
      try {
        pending.push(this.rater.rate(record, owner, now));
      } catch (error) {
        if (!(error instanceof NoRateForDestinationError)) throw error;
        results.set(record.callId, { status: 'still-held', reason: 'no-rate' });
      }
    }
    if (pending.length === 0) return results;
    const stored = await this.storage.store(pending);
    for (const { call } of pending) {
      const outcome = stored.get(call.callId)!;
      results.set(
        call.callId,
        sameCallContent(outcome.call, call)
          ? { status: 'recorded', call: outcome.call }
          : { status: 'conflict' },
      );
    }
    return results;
  }
}
