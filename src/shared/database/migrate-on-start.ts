import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createOrmConfig } from '../../../mikro-orm.config';
import { migrateToLatest } from './migrate';
import { APPLIED_MIGRATIONS_SQL, pendingMigrations } from './pending-migrations';
import { isUndefinedTable } from './postgres-errors';

/**
 * Applies every pending migration. Most starts find none pending: one query says so, and MikroORM
 * and its migrator are not started at all (they cost ~0.1-0.3 s of the start).
 */
export async function migrateOnStart(databaseUrl: string): Promise<string[]> {
  if ((await pendingMigrationsIn(databaseUrl)).length === 0) return [];
  const orm = await MikroORM.init(createOrmConfig(databaseUrl, { pool: { min: 0, max: 1 } }));
  try {
    return await migrateToLatest(orm);
  } finally {
    await orm.close();
  }
}

async function pendingMigrationsIn(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a failed connect also emits 'error'; the rejection says it all
  await client.connect();
  try {
    const applied = await client.query<{ name: string }>(APPLIED_MIGRATIONS_SQL).then(
      (result) => result.rows.map((row) => row.name),
      (error: unknown) => {
        if (isUndefinedTable(error)) return []; // a database never migrated
        throw error;
      },
    );
    return pendingMigrations(applied);
  } finally {
    await client.end();
  }
}
