import { sql } from 'kysely';
import type { RawSql } from './database';

/**
 * Calls for a period that may be closing take a shared lock on it; issuing invoices takes the same
 * lock exclusively. So a late call either lands before the invoice reads the period's calls, or
 * sees the invoice and is marked late: never neither.
 *
 * The lock is per period and slice of customers (a fixed function of the customer id), so that
 * issues for customers of different slices do not wait on each other and the monthly run can
 * issue on several connections at once. Every instance must use the same slicing: changing
 * PERIOD_LOCK_SLICES needs all instances stopped. Locks are taken in (period, slice) order.
 */
// 24 divides evenly between 2, 3, 4, 6 or 8 concurrent issuers (the run's lanes).
export const PERIOD_LOCK_SLICES = 24;

export interface PeriodLockKey {
  period: string;
  customerId: string;
}

/** The customer's slice: its id's last 16 bits, random in both v4 and v7 UUIDs. */
export function periodLockSliceOf(customerId: string): number {
  return Number.parseInt(customerId.slice(-4), 16) % PERIOD_LOCK_SLICES;
}

export function lockPeriodsShared(db: RawSql, keys: PeriodLockKey[]): Promise<void> {
  return lockPeriods(db, keys, sql`pg_advisory_xact_lock_shared`);
}

export function lockPeriodsExclusive(db: RawSql, keys: PeriodLockKey[]): Promise<void> {
  return lockPeriods(db, keys, sql`pg_advisory_xact_lock`);
}

async function lockPeriods(
  db: RawSql,
  keys: PeriodLockKey[],
  lockFunction: ReturnType<typeof sql>,
): Promise<void> {
  const distinct = new Map<string, { period: string; slice: number }>();
  for (const { period, customerId } of keys) {
    const slice = periodLockSliceOf(customerId);
    distinct.set(`${period}/${slice}`, { period, slice });
  }
  if (distinct.size === 0) return;
  const locks = [...distinct.values()];
  // Volatile functions in the select list run after ORDER BY: the locks are taken in this order.
  await db.rows(sql`
    SELECT ${lockFunction}(hashtext('invoicing:' || period), slice)
    FROM unnest(${locks.map((lock) => lock.period)}::text[], ${locks.map((lock) => lock.slice)}::int[])
      AS l(period, slice)
    ORDER BY period, slice`);
}
