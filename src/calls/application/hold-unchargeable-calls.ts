import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import type { Call } from '../domain/call';
import { type CallRecord, sameCallContent } from '../domain/call-record';
import { CallHeldInSuspenseError, CallIdConflictError } from '../domain/call.errors';
import type { CallOutcome } from './call-outcome';
import { CallRepository, type StoredOutcome } from './call.repository';
import { type CallRecordSource, CallSuspense, type CallToHold, type HeldCall } from './call-suspense.port';
import { type PendingCall, StoreRatedCalls } from './store-rated-calls';
import type { UnchargeableCall } from './unpriced-calls';

/**
 * Stores a batch's rated calls and holds its unchargeable ones in suspense, in one unit of work
 * when anything is held (a rolled-back batch holds nothing). A rated call whose callId is held and
 * not recorded stays held (its replay answers the held call); an unchargeable record whose callId
 * is already a stored call is judged against that call, never held beside it.
 */
@Injectable()
export class HoldUnchargeableCalls {
  constructor(
    private readonly storage: StoreRatedCalls,
    private readonly calls: CallRepository,
    private readonly suspense: CallSuspense,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async storeOrHold(
    pending: PendingCall[],
    unchargeable: UnchargeableCall[],
    sourceOf: (index: number) => CallRecordSource,
    now: Date,
  ): Promise<SettledCalls> {
    const pendingIds = new Set(pending.map((item) => item.call.callId));
    const heldBefore =
      pending.length > 0 ? await this.suspense.heldAmong([...pendingIds]) : new Map<string, HeldCall>();
    const toStore = pending.filter((item) => {
      const held = heldBefore.get(item.call.callId);
      return held === undefined || held.status === 'recorded';
    });
    const firstCopies = new Map<string, UnchargeableCall>();
    for (const item of unchargeable)
      if (!pendingIds.has(item.record.callId) && !firstCopies.has(item.record.callId))
        firstCopies.set(item.record.callId, item);
    const alreadyStored = await this.calls.findByCallIds([...firstCopies.keys()]);
    const toHold: CallToHold[] = [...firstCopies.values()]
      .filter((item) => !alreadyStored.has(item.record.callId))
      .map((item) => ({
        record: item.record,
        reason: item.reason,
        source: sourceOf(item.index),
        receivedAt: now,
      }));

    const work = async () => ({
      stored: toStore.length > 0 ? await this.storage.store(toStore) : new Map<string, StoredOutcome>(),
      held: toHold.length > 0 ? await this.suspense.hold(toHold) : new Map<string, HeldCall>(),
    });
    const { stored, held } = toHold.length > 0 ? await this.unitOfWork.transactional(work) : await work();
    return new SettledCalls(stored, alreadyStored, new Map([...heldBefore, ...held]), unchargeable);
  }
}

/** Where each callId of a batch ended up: stored now, stored before, or held; judges each copy. */
export class SettledCalls {
  private readonly freshRefusals: Map<string, UnchargeableCall>;

  constructor(
    private readonly stored: Map<string, StoredOutcome>,
    private readonly storedBefore: Map<string, Call>,
    private readonly held: Map<string, HeldCall>,
    unchargeable: UnchargeableCall[],
  ) {
    this.freshRefusals = new Map(unchargeable.map((item) => [item.record.callId, item]));
  }

  judge(record: CallRecord, isFirstStoredCopy: boolean): CallOutcome {
    const outcome = this.stored.get(record.callId);
    if (outcome) {
      if (isFirstStoredCopy && outcome.inserted) return { status: 'created', call: outcome.call };
      return sameCallContent(outcome.call, record)
        ? { status: 'duplicate', call: outcome.call }
        : conflict(record);
    }
    const call = this.storedBefore.get(record.callId);
    if (call) return sameCallContent(call, record) ? { status: 'duplicate', call } : conflict(record);
    const held = this.held.get(record.callId)!;
    if (!sameCallContent(held.record, record)) return conflict(record);
    const fresh = this.freshRefusals.get(record.callId);
    const error = new CallHeldInSuspenseError(
      held.reason,
      fresh?.reason === held.reason
        ? fresh.error.message
        : `call ${record.callId} is held in suspense (${held.reason})`,
      fresh?.reason === held.reason ? fresh.error.field : undefined,
      held.suspendedCallId,
    );
    return { status: 'rejected', error, callId: record.callId, suspendedCallId: held.suspendedCallId };
  }
}

/** Built only for a conflicting copy: an error captures a stack trace, ~7 µs a call. */
function conflict(record: CallRecord): CallOutcome {
  return { status: 'rejected', error: new CallIdConflictError(record.callId), callId: record.callId };
}
