import { Injectable } from '@nestjs/common';
import { type HeldCallRetry, RecordHeldCallsUseCase } from '../../calls';
import type { AuditEntry } from '../../shared/audit/audit-trail';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import type { Actor } from '../../shared/domain/actor';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import {
  type RetryTotals,
  type SuspendedCall,
  type SuspenseReason,
  switchRecordOf,
} from '../domain/suspended-call';
import { type RetryScope, SuspendedCallRepository } from './suspended-call.repository';

/** Held calls retried per transaction: each chunk's locks are held only while it is recorded. */
const CHUNK = 500;

/**
 * Retries the held calls in scope, oldest first, a chunk per unit of work: the chunk's rows are
 * locked (`FOR UPDATE SKIP LOCKED`: a concurrent retry takes other rows, never the same), recorded
 * through the calls' rating and storage path (rated by the rules of their start; a call of an
 * invoiced period becomes a late call), marked recorded with the call's id and audited
 * (`suspended-call.recorded`), all in one transaction. Rows still unchargeable stay held (with their
 * reason now). `actor`: who retries (the system for automatic retries; undefined: the request's caller).
 */
@Injectable()
export class RetrySuspendedCalls {
  constructor(
    private readonly suspended: SuspendedCallRepository,
    private readonly recordHeld: RecordHeldCallsUseCase,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async run(scope: RetryScope, actor?: Actor): Promise<RetryTotals> {
    const totals: RetryTotals = { retried: 0, recorded: 0, stillSuspended: 0 };
    let after: { receivedAt: Date; id: string } | null = null;
    for (;;) {
      const chunk: SuspendedCall[] = await this.unitOfWork.transactional(async () => {
        const rows = await this.suspended.lockHeld(scope, after, CHUNK);
        if (rows.length > 0) totals.recorded += await this.retry(rows, actor);
        return rows;
      });
      totals.retried += chunk.length;
      if (chunk.length < CHUNK) break;
      const last = chunk[chunk.length - 1];
      after = { receivedAt: last.receivedAt, id: last.id };
    }
    totals.stillSuspended = totals.retried - totals.recorded;
    return totals;
  }

  /** Records what can be now, in the caller's unit of work; answers how many were recorded. */
  private async retry(rows: SuspendedCall[], actor: Actor | undefined): Promise<number> {
    const results = await this.recordHeld.execute(rows.map(switchRecordOf));
    const recorded: { row: SuspendedCall; result: Extract<HeldCallRetry, { status: 'recorded' }> }[] = [];
    const reasonChanged = new Map<SuspenseReason, string[]>();
    for (const row of rows) {
      const result = results.get(row.callId)!;
      if (result.status === 'recorded') recorded.push({ row, result });
      else if (result.status === 'still-held' && result.reason !== row.reason)
        reasonChanged.set(result.reason, [...(reasonChanged.get(result.reason) ?? []), row.id]);
    }
    for (const [reason, ids] of reasonChanged) await this.suspended.changeReason(ids, reason);
    await this.suspended.markRecorded(
      recorded.map(({ row, result }) => ({ id: row.id, callIdOfRecord: result.call.id })),
      this.clock.now(),
    );
    await this.audit.recordAll(
      recorded.map(({ row, result }): AuditEntry => ({
        action: 'suspended-call.recorded',
        target: { type: 'suspended-call', id: row.id },
        customerId: result.call.customerId,
        details: {
          callId: row.callId,
          reason: row.reason,
          callIdOfRecord: result.call.id,
          charge: result.call.charge.toJSON(),
        },
        ...(actor ? { actor } : {}),
      })),
    );
    return recorded.length;
  }
}
