import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { sql } from 'kysely';
import { Database } from '../shared/database/database';
import { APPLIED_MIGRATIONS_SQL, pendingMigrations } from '../shared/database/pending-migrations';
import { isUndefinedTable } from '../shared/database/postgres-errors';

const TIMEOUT_MS = 2000;
const APPLIED = sql.raw<{ name: string }>(APPLIED_MIGRATIONS_SQL);

/**
 * Up when every migration this build ships is applied. A newer build's extra migrations do not
 * matter: while they are applied this build's are too. Reads one small table; writes nothing.
 */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly db: Database,
  ) {}

  async check(key = 'migrations'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      const pending = await Promise.race([
        this.pendingCount(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS).unref(),
        ),
      ]);
      return pending === 0 ? indicator.up() : indicator.down({ message: `${pending} pending` });
    } catch {
      return indicator.down({ message: 'not readable' });
    }
  }

  private async pendingCount(): Promise<number> {
    const applied = await APPLIED.execute(this.db.kysely).then(
      (result) => result.rows,
      (error: unknown) => {
        if (isUndefinedTable(error)) return []; // a database never migrated
        throw error;
      },
    );
    return pendingMigrations(applied.map((row) => row.name)).length;
  }
}
