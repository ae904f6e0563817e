import { sql } from 'kysely';
import type { Database } from './database';

/**
 * Calls for a period that may be closing take a shared lock on it; issuing invoices takes the same
 * lock exclusively. So a late call either lands before the invoice reads the period's calls, or
 * sees the invoice and is marked late: never neither. Locks are taken in sorted order.
 */
export async function lockPeriodsShared(db: Database, periods: string[]): Promise<void> {
  const distinct = [...new Set(periods)].sort();
  if (distinct.length === 0) return;
  await db.rows(sql`
    SELECT pg_advisory_xact_lock_shared(hashtext('invoicing:' || period))
    FROM unnest(${distinct}::text[]) AS period ORDER BY period`);
}

export async function lockPeriodsExclusive(db: Database, periods: string[]): Promise<void> {
  const distinct = [...new Set(periods)].sort();
  if (distinct.length === 0) return;
  await db.rows(sql`
    SELECT pg_advisory_xact_lock(hashtext('invoicing:' || period))
    FROM unnest(${distinct}::text[]) AS period ORDER BY period`);
}
