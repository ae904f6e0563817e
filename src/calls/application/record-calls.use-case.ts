import { Injectable } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { NoRateForDestinationError } from '../../billing-plans';
import { CustomerDirectory } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { DomainError } from '../../shared/domain/domain-error';
import { CallIngestionMetrics } from '../../shared/metrics/call-ingestion.metrics';
import { CallRecord, isCallId, parseCallRecord } from '../domain/call-record';
import { StartedAtBeforeFirstPeriodError, UnknownPhoneNumberError } from '../domain/call.errors';
import { CallRater } from './call-rater';
import { API_SOURCE, type CallRecordSource } from './call-suspense.port';
import { type CallOutcome, countBySource, JudgedRecords } from './call-outcome';
import { HoldUnchargeableCalls } from './hold-unchargeable-calls';
import { PendingCall } from './store-rated-calls';
import { type UnchargeableCall, unpricedCall } from './unpriced-calls';

export type { CallOutcome } from './call-outcome';

/**
 * Records the switch's call records, each judged alone: validated, matched to its line's customer,
 * rated by the plan in force when it started, and stored once per callId. A record whose line had
 * no owner when it started, or that no rate prices, is held in suspense instead, in the same unit of
 * work as the stored calls: its outcome is `rejected` with the reason's problem and a
 * `suspendedCallId`. A held callId replayed answers the same `suspendedCallId` (never a second held
 * row); different content under a held callId is a conflict (409).
 */
@Injectable()
export class RecordCallsUseCase {
  constructor(
    private readonly holding: HoldUnchargeableCalls,
    private readonly customers: CustomerDirectory,
    private readonly rater: CallRater,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly metrics: CallIngestionMetrics,
  ) {}

  /**
   * `inputs`: the records, as received (validated here). `sources`: where each came from, by index
   * (`sources[i]` is `inputs[i]`'s), stored with a held record; missing entries (or no array) are
   * `{ kind: 'api' }`. A CDR file import passes `{ kind: 'cdr-file', cdrFileId, line }` per row and
   * counts an outcome with a `suspendedCallId` as suspended. Outcomes come back by index, and the
   * `phone_billing_calls_total` counters move once per call, by each record's source kind.
   */
  async execute(inputs: unknown[], sources: readonly CallRecordSource[] = []): Promise<CallOutcome[]> {
    const now = this.clock.now();
    const judged = new JudgedRecords(inputs.length);
    const records: (CallRecord | null)[] = inputs.map((input, index) => {
      try {
        return parseCallRecord(input, this.config.MAX_CALL_MINUTES, now);
      } catch (error) {
        judged.set(index, rejected(error, input));
        return null;
      }
    });

    const owners = await this.customers.findOwnersOf([
      ...new Set(records.flatMap((record) => (record ? [record.phoneNumber] : []))),
    ]);
    const firstIndexOf = new Map<string, number>();
    const pending: PendingCall[] = [];
    const unchargeable: UnchargeableCall[] = [];
    records.forEach((record, index) => {
      if (!record) return;
      const owner = owners.at(record.phoneNumber, record.startedAt);
      if (!owner) {
        const error = new UnknownPhoneNumberError(record.phoneNumber);
        unchargeable.push({ index, record, reason: 'unknown-phone-number', error });
        return;
      }
      const firstPeriod = BillingPeriod.first(owner.timezone);
      if (record.startedAt.getTime() < firstPeriod.start.getTime()) {
        const error = new StartedAtBeforeFirstPeriodError(firstPeriod.code, owner.timezone.name);
        judged.set(index, { status: 'rejected', error, callId: record.callId });
        return;
      }
      if (firstIndexOf.has(record.callId)) return; // judged against the first copy once it is stored
      try {
        pending.push(this.rater.rate(record, owner, now));
      } catch (error) {
        if (!(error instanceof NoRateForDestinationError)) throw error;
        unchargeable.push(unpricedCall(index, record, error));
        return;
      }
      firstIndexOf.set(record.callId, index);
    });

    const settled = await this.holding.storeOrHold(
      pending,
      unchargeable,
      (index) => sources[index] ?? API_SOURCE,
      now,
    );
    records.forEach((record, index) => {
      if (record && !judged.has(index))
        judged.set(index, settled.judge(record, firstIndexOf.get(record.callId) === index));
    });
    const outcomes = judged.all();
    for (const [kind, counts] of countBySource(outcomes, (index) => (sources[index] ?? API_SOURCE).kind))
      this.metrics.judged(kind, counts);
    return outcomes;
  }
}

function rejected(error: unknown, input: unknown): CallOutcome {
  if (!(error instanceof DomainError)) throw error;
  const callId = (input as { callId?: unknown } | null)?.callId;
  return { status: 'rejected', error, callId: isCallId(callId) ? callId : null };
}
