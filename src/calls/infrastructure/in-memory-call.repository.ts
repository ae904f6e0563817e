import type { Money } from '../../shared/domain/money';
import { CallRepository, StoredOutcome } from '../application/call.repository';
import type { Call } from '../domain/call';
import { InMemoryCallTable } from './in-memory-call.table';

/** A fake for fast tests of the use cases; the contract suite keeps it honest against the real one. */
export class InMemoryCallRepository extends CallRepository {
  constructor(readonly table = new InMemoryCallTable()) {
    super();
  }

  record(calls: Call[]): Promise<Map<string, StoredOutcome>> {
    const outcomes = new Map<string, StoredOutcome>();
    for (const call of calls) {
      const existing = this.table.byCallId.get(call.callId);
      if (existing !== undefined) {
        outcomes.set(call.callId, { inserted: false, call: { ...this.table.rows.get(existing)!.call } });
        continue;
      }
      // As the insert stores it: what a balance covered is set afterwards.
      this.table.rows.set(call.id, {
        call: { ...call, coveredByBalance: null },
        late: false,
        lateInvoiceId: null,
      });
      this.table.byCallId.set(call.callId, call.id);
      outcomes.set(call.callId, { inserted: true, call });
    }
    return Promise.resolve(outcomes);
  }

  findByCallIds(callIds: string[]): Promise<Map<string, Call>> {
    const found = new Map<string, Call>();
    for (const callId of callIds) {
      const id = this.table.byCallId.get(callId);
      if (id !== undefined) found.set(callId, { ...this.table.rows.get(id)!.call });
    }
    return Promise.resolve(found);
  }

  setCoveredByBalance(covered: ReadonlyMap<string, Money>): Promise<void> {
    for (const [id, amount] of covered) {
      const row = this.table.rows.get(id);
      if (row) row.call = { ...row.call, coveredByBalance: amount };
    }
    return Promise.resolve();
  }

  markLate(callIds: string[]): Promise<void> {
    for (const id of callIds) {
      const row = this.table.rows.get(id);
      if (row) row.late = true;
    }
    return Promise.resolve();
  }
}
