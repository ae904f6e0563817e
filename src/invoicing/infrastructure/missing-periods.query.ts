import { sql } from 'kysely';
import type { Database } from '../../shared/database/database';
import type { CatchUpWindow } from '../application/invoice.repository';

/**
 * Of each customer, the closed periods before `lastClosed` it is due an invoice for and has none,
 * oldest first. Two kinds:
 * - periods from `firstDue` (the one it was created in) on, when some has no invoice;
 * - earlier periods with calls (records migrated from an older system).
 * One statement per page flags the customers with anything missing: per customer, an index-only
 * count of its invoices in that range and one probe of the history index for a call before it
 * existed. Only flagged customers (after an outage, or with migrated calls) are listed, by a second
 * statement.
 */
export async function missingEarlierPeriods(
  db: Database,
  windows: CatchUpWindow[],
): Promise<Map<string, string[]>> {
  const missing = new Map<string, string[]>();
  const records = windows.map(toRecord);
  if (records.length === 0) return missing;
  const flagged = await db.rows<{ customer_id: string }>(sql`
    SELECT t.customer_id FROM ${windowsOf(records)}
    WHERE (SELECT count(*) FROM invoices i
           WHERE i.customer_id = t.customer_id AND i.period >= t.first_due AND i.period < t.last_closed) < t.months
       OR EXISTS (SELECT 1 FROM calls c WHERE c.customer_id = t.customer_id AND c.started_at < t.first_due_start)`);
  if (flagged.length === 0) return missing;
  const ids = new Set(flagged.map((row) => row.customer_id));
  const rows = await listMissing(
    db,
    records.filter((record) => ids.has(record.customer_id)),
  );
  for (const row of rows) {
    const periods = missing.get(row.customer_id);
    if (periods) periods.push(row.period);
    else missing.set(row.customer_id, [row.period]);
  }
  for (const periods of missing.values()) periods.sort();
  return missing;
}

function listMissing(db: Database, records: WindowRecord[]) {
  return db.rows<{ customer_id: string; period: string }>(sql`
    SELECT t.customer_id, m.period
    FROM ${windowsOf(records)}
    CROSS JOIN LATERAL (
      SELECT month.period
      FROM generate_series(0, t.months - 1) AS k
      CROSS JOIN LATERAL (
        SELECT to_char(to_date(t.first_due, 'YYYY-MM') + make_interval(months => k), 'YYYY-MM') AS period) month
      WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = t.customer_id AND i.period = month.period)
      UNION ALL
      SELECT earlier.period
      FROM (
        -- A loose index scan of (customer_id, started_at DESC): one step per earlier period, not per call.
        WITH RECURSIVE earlier (period, started_at) AS (
          (SELECT c.period, c.started_at FROM calls c
           WHERE c.customer_id = t.customer_id AND c.started_at < t.first_due_start
           ORDER BY c.started_at DESC LIMIT 1)
          UNION ALL
          SELECT previous.period, previous.started_at FROM earlier e
          CROSS JOIN LATERAL (
            -- The newest call of an earlier period: a period starts within a day of its UTC month's
            -- start, so the filter skips at most that day's calls.
            SELECT c.period, c.started_at FROM calls c
            WHERE c.customer_id = t.customer_id AND c.period < e.period
              AND c.started_at < (e.period || '-01 00:00:00+00')::timestamptz + interval '1 day'
            ORDER BY c.started_at DESC LIMIT 1) previous
        )
        SELECT period FROM earlier
      ) earlier
      WHERE earlier.period < t.last_closed
        AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = t.customer_id AND i.period = earlier.period)
    ) m`);
}

interface WindowRecord {
  customer_id: string;
  last_closed: string;
  first_due: string;
  first_due_start: string;
  months: number;
}

/** The windows as a relation `t`, sent as one JSON document. */
function windowsOf(records: WindowRecord[]) {
  return sql`json_to_recordset(${JSON.stringify(records)}::json)
    AS t(customer_id uuid, last_closed text, first_due text, first_due_start timestamptz, months integer)`;
}

function toRecord(window: CatchUpWindow): WindowRecord {
  return {
    customer_id: window.customerId,
    last_closed: window.lastClosed,
    first_due: window.firstDue.code,
    first_due_start: window.firstDue.start.toISOString(),
    months: Math.max(0, monthIndex(window.lastClosed) - monthIndex(window.firstDue.code)),
  };
}

function monthIndex(code: string): number {
  return Number(code.slice(0, 4)) * 12 + Number(code.slice(5, 7)) - 1;
}
