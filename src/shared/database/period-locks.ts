import { sql } from 'kysely';
import type { Database } from './database';

/**
 * Calls for a period that may be closing take a shared lock on it; issuing invoices takes the same
 * lock exclusively. So a late call either lands before the invoice reads the period's calls, or
 * sees the invoice and is marked late: never neither. Locks are taken in sorted order.
 */
export function lockPeriodsShared(db: Database, periods: string[]): Promise<void> {
  return lockPeriods(db, periods, sql`pg_advisory_xact_lock_shared`);
}

export function lockPeriodsExclusive(db: Database, periods: string[]): Promise<void> {
  return lockPeriods(db, periods, sql`pg_advisory_xact_lock`);
}

async function lockPeriods(
  db: Database,
  periods: string[],
  lockFunction: ReturnType<typeof sql>,
): Promise<void> {
  const distinct = [...new Set(periods)].sort();
  if (distinct.length === 0) return;
  await db.rows(sql`
    SELECT ${lockFunction}(hashtext('invoicing:' || period))
    FROM unnest(${distinct}::text[]) AS period ORDER BY period`);
}
