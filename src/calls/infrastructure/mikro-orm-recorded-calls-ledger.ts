import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  type CustomerPeriodBounds,
  type PeriodCallTotals,
  type RecordedCallGroup,
  RecordedCallsLedger,
  type UtcMonthRange,
} from '../../reconciliation';
import { Database } from '../../shared/database/database';
import type { CallsTables } from './calls.tables';

interface GroupRow {
  customer_id: string;
  period: string;
  late: boolean;
  late_invoice_id: string | null;
  calls: string;
  duration_seconds: string;
  billed_seconds: string;
  charges: string;
}

interface TotalsRow {
  customer_id: string;
  period: string;
  calls: string;
  billed_seconds: string;
}

/**
 * The reconciliation's `RecordedCallsLedger` on the calls table: one aggregate statement per
 * question, answering a few rows per customer whatever the number of calls. A whole period's
 * on-time calls are read along the history index (customer_id, started_at), which includes `late`
 * and `billed_seconds`: index-only, as when the invoice summed them.
 */
@Injectable()
export class MikroOrmRecordedCallsLedger extends RecordedCallsLedger {
  constructor(private readonly db: Database<CallsTables>) {
    super();
  }

  async monthGroups(range: UtcMonthRange): Promise<RecordedCallGroup[]> {
    const { rows } = await sql<GroupRow>`
      SELECT customer_id, period, late, late_invoice_id, count(*) AS calls,
             sum(duration_seconds) AS duration_seconds, sum(billed_seconds) AS billed_seconds,
             sum(charge) AS charges
      FROM calls
      WHERE started_at >= ${range.start} AND started_at < ${range.end}
      GROUP BY customer_id, period, late, late_invoice_id`.execute(this.db.kysely);
    return rows.map((row) => ({
      customerId: row.customer_id,
      period: row.period,
      late: row.late,
      lateInvoiceId: row.late_invoice_id,
      calls: Number(row.calls),
      durationSeconds: Number(row.duration_seconds),
      billedSeconds: Number(row.billed_seconds),
      charges: String(row.charges),
    }));
  }

  async onTimeTotals(periods: CustomerPeriodBounds[]): Promise<PeriodCallTotals[]> {
    if (periods.length === 0) return [];
    const { rows } = await sql<TotalsRow>`
      SELECT k.customer_id, k.period, t.calls, t.billed_seconds
      FROM unnest(${periods.map((p) => p.customerId)}::uuid[], ${periods.map((p) => p.period)}::text[],
                  ${periods.map((p) => p.start.toISOString())}::timestamptz[],
                  ${periods.map((p) => p.end.toISOString())}::timestamptz[])
           AS k(customer_id, period, period_start, period_end)
      CROSS JOIN LATERAL (
        SELECT count(*) AS calls, coalesce(sum(c.billed_seconds), 0) AS billed_seconds
        FROM calls c
        WHERE c.customer_id = k.customer_id AND c.started_at >= k.period_start
          AND c.started_at < k.period_end AND NOT c.late
      ) t`.execute(this.db.kysely);
    return rows.map((row) => ({
      customerId: row.customer_id,
      period: row.period,
      calls: Number(row.calls),
      billedSeconds: Number(row.billed_seconds),
    }));
  }
}
