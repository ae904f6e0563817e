import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import { NotBillableLedger, type NotBillableMonthTotals, type UtcMonthRange } from '../../reconciliation';
import {
  type NotBillableOutcome,
  type NotBillableRecord,
  NotBillableRecords,
} from '../application/not-billable-records.port';
import type { CdrFilesTables } from './cdr-files.tables';

/** Not-billable records in PostgreSQL: stored once per callId; the reconciliation's month totals. */
@Injectable()
export class MikroOrmNotBillableRecords extends NotBillableRecords {
  constructor(private readonly db: Database<CdrFilesTables>) {
    super();
  }

  async store(records: NotBillableRecord[]): Promise<Map<string, NotBillableOutcome>> {
    const outcomes = new Map<string, NotBillableOutcome>();
    if (records.length === 0) return outcomes;
    const inserted = await sql<{ call_id: string }>`
      INSERT INTO not_billable_records (call_id, started_at, seconds, cdr_file_id, line)
      SELECT * FROM unnest(${records.map((r) => r.callId)}::text[], ${records.map((r) => r.startedAt.toISOString())}::timestamptz[],
                           ${records.map((r) => r.seconds)}::int[], ${records.map((r) => r.cdrFileId)}::uuid[], ${records.map((r) => r.line)}::int[])
      ON CONFLICT (call_id) DO NOTHING
      RETURNING call_id`.execute(this.db.kysely);
    for (const { call_id } of inserted.rows) outcomes.set(call_id, 'stored');
    const others = [...new Set(records.map((r) => r.callId).filter((id) => !outcomes.has(id)))];
    if (others.length === 0) return outcomes;
    const stored = await this.db.kysely
      .selectFrom('not_billable_records')
      .select(['call_id', 'started_at', 'seconds'])
      .where('call_id', 'in', others)
      .execute();
    const storedBy = new Map(stored.map((row) => [row.call_id, row]));
    for (const record of records) {
      if (outcomes.has(record.callId)) continue;
      const row = storedBy.get(record.callId);
      const same =
        row !== undefined &&
        instant(row.started_at).getTime() === record.startedAt.getTime() &&
        row.seconds === record.seconds;
      outcomes.set(record.callId, same ? 'duplicate' : 'conflict');
    }
    return outcomes;
  }

  async moveToFile(fromFileId: string, toFileId: string): Promise<void> {
    await this.db.kysely
      .updateTable('not_billable_records')
      .set({ cdr_file_id: toFileId })
      .where('cdr_file_id', '=', fromFileId)
      .execute();
  }
}

/** The reconciliation's port over the same table. */
@Injectable()
export class MikroOrmNotBillableLedger extends NotBillableLedger {
  constructor(private readonly db: Database<CdrFilesTables>) {
    super();
  }

  async monthTotals(range: UtcMonthRange): Promise<NotBillableMonthTotals> {
    const row = await this.db.kysely
      .selectFrom('not_billable_records')
      .select((eb) => [
        eb.fn.countAll<string>().as('calls'),
        eb.fn.coalesce(eb.fn.sum<string>('seconds'), sql<string>`0`).as('seconds'),
      ])
      .where('started_at', '>=', range.start.toISOString())
      .where('started_at', '<', range.end.toISOString())
      .executeTakeFirstOrThrow();
    return { calls: Number(row.calls), seconds: Number(row.seconds) };
  }
}
