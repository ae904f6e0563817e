import { Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';
import { Database } from '../../shared/database/database';
import {
  InvoiceCalls,
  type InvoiceCallsAfter,
  type InvoiceCallsScope,
  type InvoiceCallsSummary,
  type InvoiceCallView,
} from '../application/invoice-calls.read-model';
import { callViewOf, type HistoryRow } from './mikro-orm-call-history.read-model';

type InvoiceCallRow = HistoryRow & { late: boolean };

const COLUMNS = sql`id, call_id, phone_number, destination, started_at, minutes, duration_seconds,
  billed_seconds, rate_group, rate_per_minute, charge, currency, covered_by_balance, plan, period,
  received_at, late`;

/**
 * Two keyset scans merged: the period's on-time calls along the history index (customer_id,
 * started_at), and the claimed late calls along calls_late_invoice_idx (late_invoice_id, started_at, id).
 */
@Injectable()
export class MikroOrmInvoiceCalls extends InvoiceCalls {
  constructor(private readonly db: Database) {
    super();
  }

  async page(
    scope: InvoiceCallsScope,
    after: InvoiceCallsAfter | null,
    limit: number,
  ): Promise<InvoiceCallView[]> {
    const keyset = after ? sql`AND (started_at, id) > (${after.startedAt}, ${after.id}::uuid)` : sql``;
    const rows = await this.db.prepared<InvoiceCallRow>(sql`
      SELECT * FROM (
        (SELECT ${COLUMNS} FROM calls WHERE ${onTime(scope)} ${keyset} ORDER BY started_at, id LIMIT ${limit})
        UNION ALL
        (SELECT ${COLUMNS} FROM calls WHERE ${claimedLate(scope)} ${keyset} ORDER BY started_at, id LIMIT ${limit})
      ) billed ORDER BY started_at, id LIMIT ${limit}`);
    return rows.map((row) => toView(row, scope.customerId));
  }

  async summary(scope: InvoiceCallsScope): Promise<InvoiceCallsSummary> {
    const { rows } = await sql<{ phone_number: string; calls: string }>`
      SELECT phone_number, count(*) AS calls FROM (
        SELECT phone_number FROM calls WHERE ${onTime(scope)}
        UNION ALL
        SELECT phone_number FROM calls WHERE ${claimedLate(scope)}
      ) billed GROUP BY phone_number ORDER BY phone_number`.execute(this.db.kysely);
    return {
      calls: rows.reduce((sum, row) => sum + Number(row.calls), 0),
      phoneNumbers: rows.map((row) => row.phone_number),
    };
  }
}

function onTime(scope: InvoiceCallsScope): RawBuilder<unknown> {
  return sql`customer_id = ${scope.customerId}::uuid AND started_at >= ${scope.periodStart}
    AND started_at < ${scope.periodEnd} AND NOT late`;
}

function claimedLate(scope: InvoiceCallsScope): RawBuilder<unknown> {
  return sql`late_invoice_id = ${scope.invoiceId}::uuid AND customer_id = ${scope.customerId}::uuid`;
}

function toView(row: InvoiceCallRow, customerId: string): InvoiceCallView {
  return { ...callViewOf(row, customerId), late: row.late };
}
