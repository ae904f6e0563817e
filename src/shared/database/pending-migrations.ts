import { migrations } from '../../migrations';

/** Reads MikroORM's record of applied migrations (mikro-orm.config.ts `migrations.tableName`). */
export const APPLIED_MIGRATIONS_SQL = 'SELECT name FROM mikro_orm_migrations';

/**
 * The migrations this build ships that are not among `applied` (names as MikroORM records them,
 * with or without a `.js`/`.ts` ending). A newer build's extra migrations do not count.
 */
export function pendingMigrations(applied: string[]): string[] {
  const names = new Set(applied.map((name) => name.replace(/\.[jt]s$/, '')));
  return migrations.map((migration) => migration.name).filter((name) => !names.has(name));
}
