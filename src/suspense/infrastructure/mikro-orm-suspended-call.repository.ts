import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { CallToHold } from '../../calls';
import { Database, instant } from '../../shared/database/database';
import {
  type RetryScope,
  type SuspendedCallFilter,
  SuspendedCallRepository,
} from '../application/suspended-call.repository';
import type { SuspendedCall, SuspenseReason } from '../domain/suspended-call';
import type { SuspendedCallRow, SuspenseTables } from './suspense.tables';

/** Held calls in PostgreSQL: held once per callId (ON CONFLICT on its unique index), retried under row locks. */
@Injectable()
export class MikroOrmSuspendedCallRepository extends SuspendedCallRepository {
  constructor(private readonly db: Database<SuspenseTables>) {
    super();
  }

  async hold(calls: CallToHold[], newId: () => string): Promise<Map<string, SuspendedCall>> {
    if (calls.length === 0) return new Map();
    await this.db.kysely
      .insertInto('suspended_calls')
      .values(
        calls.map(({ record, reason, source, receivedAt }) => ({
          id: newId(),
          call_id: record.callId,
          phone_number: record.phoneNumber,
          destination: record.destination,
          started_at: record.startedAt,
          duration_seconds: record.durationSeconds,
          reason,
          status: 'suspended' as const,
          source_kind: source.kind,
          cdr_file_id: source.kind === 'cdr-file' ? source.cdrFileId : null,
          cdr_file_line: source.kind === 'cdr-file' ? source.line : null,
          received_at: receivedAt,
        })),
      )
      .onConflict((conflict) => conflict.column('call_id').doNothing())
      .execute();
    return this.findByCallIds(calls.map((call) => call.record.callId));
  }

  async findByCallIds(callIds: string[]): Promise<Map<string, SuspendedCall>> {
    if (callIds.length === 0) return new Map();
    const rows = await this.db.kysely
      .selectFrom('suspended_calls')
      .selectAll()
      .where('call_id', '=', sql<string>`ANY(${callIds}::text[])`)
      .execute();
    return new Map(rows.map((row) => [row.call_id, toSuspendedCall(row)]));
  }

  async list(filter: SuspendedCallFilter): Promise<SuspendedCall[]> {
    let query = this.db.kysely.selectFrom('suspended_calls').selectAll();
    if (filter.reason !== null) query = query.where('reason', '=', filter.reason);
    if (filter.phoneNumber !== null) query = query.where('phone_number', '=', filter.phoneNumber);
    if (filter.status !== null) query = query.where('status', '=', filter.status);
    if (filter.after !== null) {
      const { receivedAt, id } = filter.after;
      query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '>', eb.tuple(receivedAt, id)));
    }
    const rows = await query.orderBy('received_at').orderBy('id').limit(filter.limit).execute();
    return rows.map(toSuspendedCall);
  }

  async lockHeld(
    scope: RetryScope,
    after: { receivedAt: Date; id: string } | null,
    limit: number,
  ): Promise<SuspendedCall[]> {
    let query = this.db.kysely.selectFrom('suspended_calls').selectAll().where('status', '=', 'suspended');
    if (scope.reason) query = query.where('reason', '=', scope.reason);
    if (scope.phoneNumber) query = query.where('phone_number', '=', scope.phoneNumber);
    if (after !== null)
      query = query.where((eb) =>
        eb(eb.refTuple('received_at', 'id'), '>', eb.tuple(after.receivedAt.toISOString(), after.id)),
      );
    const rows = await query
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map(toSuspendedCall);
  }

  async lockById(id: string): Promise<SuspendedCall | null> {
    const row = await this.db.kysely
      .selectFrom('suspended_calls')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? toSuspendedCall(row) : null;
  }

  async markRecorded(recorded: { id: string; callIdOfRecord: string }[], at: Date): Promise<void> {
    if (recorded.length === 0) return;
    await this.db.kysely
      .updateTable('suspended_calls')
      .from(
        sql<{ id: string; call_ref: string }>`unnest(${recorded.map((r) => r.id)}::uuid[], ${recorded.map(
          (r) => r.callIdOfRecord,
        )}::uuid[])`.as<'v'>(sql`v(id, call_ref)`),
      )
      .set((eb) => ({ status: 'recorded', resolved_at: at, call_id_of_record: eb.ref('v.call_ref') }))
      .whereRef('suspended_calls.id', '=', 'v.id')
      .execute();
  }

  async changeReason(ids: string[], reason: SuspenseReason): Promise<void> {
    if (ids.length === 0) return;
    await this.db.kysely
      .updateTable('suspended_calls')
      .set({ reason })
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }

  async writeOff(id: string, note: string, at: Date): Promise<SuspendedCall> {
    const row = await this.db.kysely
      .updateTable('suspended_calls')
      .set({ status: 'written_off', resolved_at: at, write_off_note: note })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSuspendedCall(row);
  }
}

function toSuspendedCall(row: SuspendedCallRow): SuspendedCall {
  return {
    id: row.id,
    callId: row.call_id,
    phoneNumber: row.phone_number,
    destination: row.destination,
    startedAt: instant(row.started_at),
    durationSeconds: row.duration_seconds,
    reason: row.reason,
    status: row.status,
    source:
      row.source_kind === 'cdr-file'
        ? { kind: 'cdr-file', cdrFileId: row.cdr_file_id!, line: row.cdr_file_line! }
        : { kind: 'api' },
    receivedAt: instant(row.received_at),
    resolvedAt: row.resolved_at === null ? null : instant(row.resolved_at),
    callIdOfRecord: row.call_id_of_record,
    writeOffNote: row.write_off_note,
  };
}
