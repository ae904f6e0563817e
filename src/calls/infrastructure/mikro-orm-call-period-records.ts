import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import {
  CallInWindow,
  CallPeriodRecords,
  CallPeriodUpdate,
  StoredCallPeriod,
  WindowGroup,
} from '../application/call-period-records.port';
import type { CallsTables } from './calls.tables';

/** The period fields of stored calls, for the one-off period repair (windows and changes sent as JSON documents). */
@Injectable()
export class MikroOrmCallPeriodRecords extends CallPeriodRecords {
  constructor(private readonly db: Database<CallsTables>) {
    super();
  }

  async startedIn(groups: WindowGroup[]): Promise<CallInWindow[]> {
    const members = groups.flatMap((group, index) =>
      group.customerIds.map((id) => ({ customer_id: id, grp: index })),
    );
    const windows = groups.flatMap((group, index) =>
      group.windows.map((w) => ({
        grp: index,
        start: w.start.toISOString(),
        end: w.end.toISOString(),
        period: w.period,
      })),
    );
    if (members.length === 0 || windows.length === 0) return [];
    const rows = await this.db.kysely
      .selectFrom(
        sql<{
          customer_id: string;
          grp: number;
        }>`json_to_recordset(${JSON.stringify(members)}::json)`.as<'m'>(
          sql`m(customer_id uuid, grp integer)`,
        ),
      )
      .innerJoin(
        sql<{
          grp: number;
          start: string;
          end: string;
          period: string;
        }>`json_to_recordset(${JSON.stringify(windows)}::json)`.as<'w'>(
          sql`w(grp integer, start timestamptz, "end" timestamptz, period text)`,
        ),
        (join) => join.onRef('w.grp', '=', 'm.grp'),
      )
      .innerJoin('calls as c', (join) =>
        join
          .onRef('c.customer_id', '=', 'm.customer_id')
          .onRef('c.started_at', '>=', 'w.start')
          .onRef('c.started_at', '<', 'w.end'),
      )
      .distinctOn('c.id')
      .select(['c.id', 'c.customer_id', 'w.period'])
      .orderBy('c.id')
      .execute();
    return rows.map((row) => ({ id: row.id, customerId: row.customer_id, windowPeriod: row.period }));
  }

  async lock(ids: string[]): Promise<StoredCallPeriod[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.kysely
      .selectFrom('calls')
      .select([
        'id',
        'call_id',
        'customer_id',
        'started_at',
        'received_at',
        'period',
        'late',
        'late_invoice_id',
      ])
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map((row) => ({
      id: row.id,
      callId: row.call_id,
      customerId: row.customer_id,
      startedAt: instant(row.started_at),
      receivedAt: instant(row.received_at),
      period: row.period,
      late: row.late,
      lateInvoiceId: row.late_invoice_id,
    }));
  }

  async store(updates: CallPeriodUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const rows = updates.map((update) => ({
      id: update.id,
      period: update.period,
      late: update.late,
      late_invoice_id: update.lateInvoiceId,
    }));
    await this.db.kysely
      .updateTable('calls')
      .from(
        sql<{
          id: string;
          period: string;
          late: boolean;
          late_invoice_id: string | null;
        }>`json_to_recordset(${JSON.stringify(rows)}::json)`.as<'v'>(
          sql`v(id uuid, period text, late boolean, late_invoice_id uuid)`,
        ),
      )
      .set((eb) => ({
        period: eb.ref('v.period'),
        late: eb.ref('v.late'),
        late_invoice_id: eb.ref('v.late_invoice_id'),
      }))
      .whereRef('calls.id', '=', 'v.id')
      .execute();
  }
}
