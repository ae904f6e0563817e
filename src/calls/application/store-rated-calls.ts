import { Injectable } from '@nestjs/common';
import { PrepaidCharges } from '../../prepaid';
import { PeriodLocks } from '../../shared/transactions/period-locks';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import type { Call } from '../domain/call';
import { CallRepository, StoredOutcome } from './call.repository';
import { type CustomerPeriod, InvoicedPeriods } from './invoiced-periods.port';

/** A rated call on its way to storage, with what storing it involves beyond the insert. */
export interface PendingCall {
  call: Call;
  /** Prepaid: draw the charge from the customer's balance, atomically with the insert. */
  drawsFromBalance: boolean;
  /** Its period may already be closed, so it may already be invoiced: check, under the period lock. */
  mayBeInvoiced: boolean;
}

/**
 * Stores rated calls once per callId. A postpaid call of an open period is one INSERT; prepaid calls
 * and calls of a period that may be closing are stored in one unit of work with what follows them:
 * the period's lock taken shared, the insert, the balance drawdown, and the late mark of calls whose
 * period is invoiced already. A replayed call draws nothing and is not marked again.
 */
@Injectable()
export class StoreRatedCalls {
  constructor(
    private readonly calls: CallRepository,
    private readonly prepaid: PrepaidCharges,
    private readonly invoicedPeriods: InvoicedPeriods,
    private readonly periodLocks: PeriodLocks,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  store(pending: PendingCall[]): Promise<Map<string, StoredOutcome>> {
    // A stable order keeps concurrent batches from deadlocking on each other's call ids.
    const sorted = [...pending].sort((a, b) => (a.call.callId < b.call.callId ? -1 : 1));
    const atomic = sorted.some((item) => item.drawsFromBalance || item.mayBeInvoiced);
    return atomic ? this.unitOfWork.transactional(() => this.storeAll(sorted)) : this.storeAll(sorted);
  }

  private async storeAll(pending: PendingCall[]): Promise<Map<string, StoredOutcome>> {
    const closing = pending.filter((item) => item.mayBeInvoiced).map((item) => item.call);
    await this.periodLocks.lockShared(closing);
    const outcomes = await this.calls.record(pending.map((item) => item.call));
    const fresh = pending.filter((item) => outcomes.get(item.call.callId)!.inserted);
    await this.drawFromBalances(fresh.filter((item) => item.drawsFromBalance).map((item) => item.call));
    await this.markLate(fresh.filter((item) => item.mayBeInvoiced).map((item) => item.call));
    return outcomes;
  }

  private async drawFromBalances(calls: Call[]): Promise<void> {
    if (calls.length === 0) return;
    const covered = await this.prepaid.drawForCalls(
      calls.map((call) => ({
        callId: call.id,
        customerId: call.customerId,
        charge: call.charge,
        plan: call.plan,
      })),
      calls[0].receivedAt,
    );
    for (const call of calls) call.coveredByBalance = covered.get(call.id)!;
    await this.calls.setCoveredByBalance(covered);
  }

  /** A call for a period already invoiced goes on the customer's next invoice instead. */
  private async markLate(calls: Call[]): Promise<void> {
    if (calls.length === 0) return;
    const keyOf = ({ customerId, period }: CustomerPeriod) => `${customerId}/${period}`;
    const periods = new Map(
      calls.map(({ customerId, period }) => [keyOf({ customerId, period }), { customerId, period }]),
    );
    const invoiced = new Set((await this.invoicedPeriods.invoicedAmong([...periods.values()])).map(keyOf));
    const late = calls.filter((call) => invoiced.has(keyOf(call)));
    if (late.length > 0) await this.calls.markLate(late.map((call) => call.id));
  }
}
