import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { PeriodLocks, periodLocksOf, type PeriodLockKey } from '../transactions/period-locks';
import { Database } from './database';

/**
 * The period locks as PostgreSQL transaction-level advisory locks (`pg_advisory_xact_lock`, shared
 * or exclusive), keyed by (hashtext('invoicing:' || period), slice): released when the current
 * unit of work's transaction ends. Every instance must compute the same keys.
 */
@Injectable()
export class PostgresAdvisoryPeriodLocks extends PeriodLocks {
  constructor(private readonly db: Database) {
    super();
  }

  lockShared(keys: PeriodLockKey[]): Promise<void> {
    return this.lock(keys, sql`pg_advisory_xact_lock_shared`);
  }

  lockExclusive(keys: PeriodLockKey[]): Promise<void> {
    return this.lock(keys, sql`pg_advisory_xact_lock`);
  }

  private async lock(keys: PeriodLockKey[], lockFunction: ReturnType<typeof sql>): Promise<void> {
    const locks = periodLocksOf(keys);
    if (locks.length === 0) return;
    // Outside a transaction the lock would be released as soon as it is taken.
    if (!this.db.inTransaction) throw new Error('Period locks are taken inside a unit of work');
    // Volatile functions in the select list run after ORDER BY: the locks are taken in this order.
    await sql<{ locked: unknown }>`
      SELECT ${lockFunction}(hashtext('invoicing:' || period), slice) AS locked
      FROM unnest(${locks.map((lock) => lock.period)}::text[], ${locks.map((lock) => lock.slice)}::int[])
        AS l(period, slice)
      ORDER BY period, slice`.execute(this.db.kysely);
  }
}
