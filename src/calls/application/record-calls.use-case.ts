import { Injectable } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { NoRateForDestinationError, PlanCatalog } from '../../billing-plans';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { DomainError } from '../../shared/domain/domain-error';
import {
  CallIngestionMetrics,
  type CallOutcomeCounts,
  type CallSource,
} from '../../shared/metrics/call-ingestion.metrics';
import { Call, newCall } from '../domain/call';
import { CallRecord, isCallId, parseCallRecord, sameCallContent } from '../domain/call-record';
import {
  CallIdConflictError,
  StartedAtBeforeFirstPeriodError,
  UnknownPhoneNumberError,
} from '../domain/call.errors';
import type { StoredOutcome } from './call.repository';
import { PendingCall, StoreRatedCalls } from './store-rated-calls';
import { unpricedCall } from './unpriced-calls';

export type CallOutcome =
  | { status: 'created'; call: Call }
  | { status: 'duplicate'; call: Call }
  | { status: 'rejected'; error: DomainError; callId: string | null };

export interface RecordCallsOptions {
  /**
   * The source the outcomes are counted under, once per call (default `api`); null when the caller
   * counts them itself, with what it judged on its own (a CDR file's chunk: its not-billable rows).
   */
  countAs?: CallSource | null;
}

/** A period ending this close to now may be closed by another instance's clock: lock-check it. */
const CLOSING_MARGIN_MS = 60 * 60 * 1000;

/**
 * Records the switch's call records, each judged alone: validated, matched to its line's customer,
 * rated by the plan in force when it started, and stored once per callId.
 */
@Injectable()
export class RecordCallsUseCase {
  constructor(
    private readonly storage: StoreRatedCalls,
    private readonly customers: CustomerDirectory,
    private readonly catalog: PlanCatalog,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly metrics: CallIngestionMetrics,
  ) {}

  async execute(inputs: unknown[], options: RecordCallsOptions = {}): Promise<CallOutcome[]> {
    const now = this.clock.now();
    const outcomes: (CallOutcome | null)[] = inputs.map(() => null);
    const records: (CallRecord | null)[] = inputs.map((input, index) => {
      try {
        return parseCallRecord(input, this.config.MAX_CALL_MINUTES, now);
      } catch (error) {
        outcomes[index] = rejected(error, input);
        return null;
      }
    });

    const owners = await this.customers.findOwnersOf([
      ...new Set(records.flatMap((record) => (record ? [record.phoneNumber] : []))),
    ]);
    const firstIndexOf = new Map<string, number>();
    const pending: PendingCall[] = [];
    records.forEach((record, index) => {
      if (!record) return;
      const owner = owners.at(record.phoneNumber, record.startedAt);
      if (!owner) {
        outcomes[index] = {
          status: 'rejected',
          error: new UnknownPhoneNumberError(record.phoneNumber),
          callId: record.callId,
        };
        return;
      }
      const firstPeriod = BillingPeriod.first(owner.timezone);
      if (record.startedAt.getTime() < firstPeriod.start.getTime()) {
        outcomes[index] = {
          status: 'rejected',
          error: new StartedAtBeforeFirstPeriodError(firstPeriod.code, owner.timezone.name),
          callId: record.callId,
        };
        return;
      }
      if (firstIndexOf.has(record.callId)) return; // judged against the first copy once it is stored
      let rated: PendingCall;
      try {
        rated = this.rate(record, owner, now);
      } catch (error) {
        if (!(error instanceof NoRateForDestinationError)) throw error;
        outcomes[index] = unpricedCall(record, error);
        return;
      }
      firstIndexOf.set(record.callId, index);
      pending.push(rated);
    });

    const stored = pending.length > 0 ? await this.storage.store(pending) : new Map<string, StoredOutcome>();
    records.forEach((record, index) => {
      if (!record || outcomes[index]) return;
      const outcome = stored.get(record.callId)!;
      const isFirstCopy = firstIndexOf.get(record.callId) === index;
      if (isFirstCopy && outcome.inserted) outcomes[index] = { status: 'created', call: outcome.call };
      else if (sameCallContent(outcome.call, record))
        outcomes[index] = { status: 'duplicate', call: outcome.call };
      else
        outcomes[index] = {
          status: 'rejected',
          error: new CallIdConflictError(record.callId),
          callId: record.callId,
        };
    });
    const countAs = options.countAs === undefined ? 'api' : options.countAs;
    if (countAs !== null) this.metrics.judged(countAs, countByOutcome(outcomes as CallOutcome[]));
    return outcomes as CallOutcome[];
  }

  private rate(record: CallRecord, owner: CustomerProfile, now: Date): PendingCall {
    const period = BillingPeriod.containing(record.startedAt, owner.timezone);
    const plan = this.catalog.inForce(owner.planDuring(period.code));
    const { rate, billedSeconds, charge } = plan.rateCall({
      durationSeconds: record.durationSeconds,
      destination: record.destination,
      startedAt: record.startedAt,
      phoneNumber: record.phoneNumber,
      timezone: owner.timezone,
    });
    return {
      call: newCall({
        record,
        customerId: owner.id,
        plan: plan.code,
        period: period.code,
        rate,
        billedSeconds,
        charge,
        receivedAt: now,
      }),
      drawsFromBalance: plan.drawsFromBalance,
      mayBeInvoiced: period.end.getTime() <= now.getTime() + CLOSING_MARGIN_MS,
    };
  }
}

function rejected(error: unknown, input: unknown): CallOutcome {
  if (!(error instanceof DomainError)) throw error;
  const callId = (input as { callId?: unknown } | null)?.callId;
  return { status: 'rejected', error, callId: isCallId(callId) ? callId : null };
}

/** One tally per batch or coalesced group: the metrics port is called once, not per record. */
function countByOutcome(outcomes: CallOutcome[]): CallOutcomeCounts {
  const counts = { recorded: 0, duplicate: 0, rejected: 0 };
  for (const { status } of outcomes) counts[status === 'created' ? 'recorded' : status] += 1;
  return counts;
}
