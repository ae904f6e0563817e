import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { sql } from 'kysely';
import { migrations } from '../migrations';
import { Database } from '../shared/database/database';
import { isUndefinedTable } from '../shared/database/postgres-errors';

const TIMEOUT_MS = 2000;
/** MikroORM's record of applied migrations (mikro-orm.config.ts `migrations.tableName`). */
const APPLIED = sql<{ name: string }>`SELECT name FROM mikro_orm_migrations`;

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
    const names = new Set(applied.map((row) => row.name.replace(/\.[jt]s$/, '')));
    return migrations.filter((migration) => !names.has(migration.name)).length;
  }
}
