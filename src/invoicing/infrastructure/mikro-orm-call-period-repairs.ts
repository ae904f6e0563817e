import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import { lockPeriodsExclusive } from '../../shared/database/period-locks';
import {
  CallPeriodRepairs,
  type DecideRepairs,
  type FoundCall,
  type WindowGroup,
} from '../application/call-period-repairs.port';
import type { CallPeriodChange, IssuedPeriod } from '../domain/call-period-repair';

/** Few enough periods per transaction that its advisory locks (periods × 24 slices) stay a few hundred. */
const PERIODS_PER_TRANSACTION = 12;

interface CallRow {
  id: string;
  call_id: string;
  customer_id: string;
  started_at: string | Date;
  received_at: string | Date;
  period: string;
  late: boolean;
  late_invoice_id: string | null;
  correct_period: string;
}

/**
 * The period repair in PostgreSQL. Like issuing, it reads and writes the calls table from the
 * invoicing module: which calls an invoice billed is decided here, with the invoices.
 */
@Injectable()
export class MikroOrmCallPeriodRepairs extends CallPeriodRepairs {
  constructor(private readonly db: Database) {
    super();
  }

  async issuedPeriodsOf(customerIds: string[]): Promise<Map<string, IssuedPeriod[]>> {
    return issuedPeriods(this.db, customerIds);
  }

  async repairIn(groups: WindowGroup[], decide: DecideRepairs, dryRun: boolean): Promise<CallPeriodChange[]> {
    const candidates = await callsInWindows(this.db, groups);
    const byPeriod = new Map<string, Map<string, string>>();
    for (const row of candidates) {
      const ids = byPeriod.get(row.correct_period) ?? new Map<string, string>();
      ids.set(row.id, row.customer_id);
      byPeriod.set(row.correct_period, ids);
    }
    const periods = [...byPeriod.keys()].sort();
    const changes: CallPeriodChange[] = [];
    for (let i = 0; i < periods.length; i += PERIODS_PER_TRANSACTION) {
      const chunk = periods.slice(i, i + PERIODS_PER_TRANSACTION);
      const decided = await this.db.transaction(async (tx) => {
        await lockPeriodsExclusive(
          tx,
          chunk.flatMap((period) =>
            [...byPeriod.get(period)!.values()].map((customerId) => ({ period, customerId })),
          ),
        );
        const found = await lockedCalls(
          tx,
          chunk.flatMap((period) => [...byPeriod.get(period)!.keys()].map((id) => ({ id, period }))),
        );
        const invoices = await issuedPeriods(tx, [...new Set(found.map(({ call }) => call.customerId))]);
        const chunkChanges = decide(found, invoices);
        if (!dryRun) await store(tx, chunkChanges);
        return chunkChanges;
      });
      changes.push(...decided);
    }
    return changes;
  }
}

/** Calls started in the windows, each with its window's period (a call in two overlapping windows once). */
async function callsInWindows(db: Database, groups: WindowGroup[]): Promise<CallRow[]> {
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
  return db.rows<CallRow>(sql`
    SELECT DISTINCT ON (c.id) c.id, c.customer_id, w.period AS correct_period
    FROM json_to_recordset(${JSON.stringify(members)}::json) AS m(customer_id uuid, grp integer)
    JOIN json_to_recordset(${JSON.stringify(windows)}::json) AS w(grp integer, start timestamptz, "end" timestamptz, period text)
      ON w.grp = m.grp
    JOIN calls c ON c.customer_id = m.customer_id AND c.started_at >= w.start AND c.started_at < w."end"
    ORDER BY c.id`);
}

async function lockedCalls(tx: Database, calls: { id: string; period: string }[]): Promise<FoundCall[]> {
  const rows = await tx.rows<CallRow>(sql`
    SELECT c.id, c.call_id, c.customer_id, c.started_at, c.received_at, c.period, c.late, c.late_invoice_id,
           v.period AS correct_period
    FROM calls c JOIN json_to_recordset(${JSON.stringify(calls)}::json) AS v(id uuid, period text) ON v.id = c.id
    ORDER BY c.id
    FOR UPDATE OF c`);
  return rows.map((row) => ({
    call: {
      id: row.id,
      callId: row.call_id,
      customerId: row.customer_id,
      startedAt: instant(row.started_at),
      receivedAt: instant(row.received_at),
      period: row.period,
      late: row.late,
      lateInvoiceId: row.late_invoice_id,
    },
    correctPeriod: row.correct_period,
  }));
}

async function issuedPeriods(db: Database, customerIds: string[]): Promise<Map<string, IssuedPeriod[]>> {
  const byCustomer = new Map<string, IssuedPeriod[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await db.rows<{
    id: string;
    customer_id: string;
    period: string;
    period_start: string | Date;
    period_end: string | Date;
    issued_at: string | Date;
  }>(sql`
    SELECT id, customer_id, period, period_start, period_end, issued_at FROM invoices
    WHERE customer_id = ANY(${customerIds}::uuid[])`);
  for (const row of rows) {
    const issued = byCustomer.get(row.customer_id) ?? [];
    issued.push({
      invoiceId: row.id,
      period: row.period,
      start: instant(row.period_start),
      end: instant(row.period_end),
      issuedAt: instant(row.issued_at),
    });
    byCustomer.set(row.customer_id, issued);
  }
  return byCustomer;
}

async function store(tx: Database, changes: CallPeriodChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => ({
    id: change.call.id,
    period: change.period,
    late: change.late,
    late_invoice_id: change.lateInvoiceId,
  }));
  await tx.rows(sql`
    UPDATE calls SET period = v.period, late = v.late, late_invoice_id = v.late_invoice_id
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id uuid, period text, late boolean, late_invoice_id uuid)
    WHERE calls.id = v.id`);
}
