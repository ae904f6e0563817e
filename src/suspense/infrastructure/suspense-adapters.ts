import { Injectable } from '@nestjs/common';
import { timeOrderedId } from '../../shared/domain/time-ordered-id';
import { CallSuspense, type CallToHold, type HeldCall } from '../../calls';
import { SuspendedCallCount } from '../../metrics';
import { SuspenseLedger, type SuspenseMonthTotals, type UtcMonthRange } from '../../reconciliation';
import { Database } from '../../shared/database/database';
import { type SuspendedCall, switchRecordOf } from '../domain/suspended-call';
import { MikroOrmSuspendedCallRepository } from './mikro-orm-suspended-call.repository';
import type { SuspenseTables } from './suspense.tables';

/** The calls module's `CallSuspense` port on `suspended_calls`. */
@Injectable()
export class SuspendedCallsCallSuspense extends CallSuspense {
  constructor(private readonly suspended: MikroOrmSuspendedCallRepository) {
    super();
  }

  async hold(calls: CallToHold[]): Promise<Map<string, HeldCall>> {
    return toHeld(await this.suspended.hold(calls, () => timeOrderedId()));
  }

  async heldAmong(callIds: string[]): Promise<Map<string, HeldCall>> {
    return toHeld(await this.suspended.findByCallIds(callIds));
  }
}

function toHeld(calls: Map<string, SuspendedCall>): Map<string, HeldCall> {
  const held = new Map<string, HeldCall>();
  for (const [callId, call] of calls)
    held.set(callId, {
      suspendedCallId: call.id,
      record: switchRecordOf(call),
      reason: call.reason,
      status: call.status,
    });
  return held;
}

/** The metrics module's `phone_billing_suspended_calls` gauge: the calls held now. */
@Injectable()
export class SuspendedCallsCount extends SuspendedCallCount {
  constructor(private readonly db: Database<SuspenseTables>) {
    super();
  }

  async count(): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('suspended_calls')
      .select((eb) => eb.fn.countAll<string>().as('held'))
      .where('status', '=', 'suspended')
      .executeTakeFirstOrThrow();
    return Number(row.held);
  }
}

/** Reconciliation's `SuspenseLedger` on `suspended_calls`: a UTC month of started_at, from the rows. */
@Injectable()
export class SuspendedCallsLedger extends SuspenseLedger {
  constructor(private readonly db: Database<SuspenseTables>) {
    super();
  }

  async monthTotals(range: UtcMonthRange): Promise<SuspenseMonthTotals> {
    const rows = await this.db.kysely
      .selectFrom('suspended_calls')
      .select((eb) => [
        'status',
        'reason',
        eb.fn.countAll<string>().as('calls'),
        eb.fn.sum<string>('duration_seconds').as('seconds'),
      ])
      .where('started_at', '>=', range.start.toISOString())
      .where('started_at', '<', range.end.toISOString())
      .where('status', '!=', 'recorded')
      .groupBy(['status', 'reason'])
      .execute();
    const totals: SuspenseMonthTotals = {
      suspended: { calls: 0, seconds: 0, byReason: { 'unknown-phone-number': 0, 'no-rate': 0 } },
      writtenOff: { calls: 0, seconds: 0 },
    };
    for (const row of rows) {
      const [calls, seconds] = [Number(row.calls), Number(row.seconds ?? 0)];
      const bucket = row.status === 'suspended' ? totals.suspended : totals.writtenOff;
      bucket.calls += calls;
      bucket.seconds += seconds;
      if (row.status === 'suspended') totals.suspended.byReason[row.reason] += calls;
    }
    return totals;
  }
}
