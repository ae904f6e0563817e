import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../../mikro-orm.config';
import { loadConfig, loadDotEnv } from '../../config';
import { resolveDatabaseToMigrate } from './database-location';
import { migrateToLatest } from './migrate';

/**
 * `npm run migration:up`: migrates `DATABASE_URL`, or the embedded database: through the running
 * service's server when one holds it, else by starting (and then stopping) the server itself.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const database = await resolveDatabaseToMigrate(config, (message) => console.log(message));
  try {
    const orm = await MikroORM.init(createOrmConfig(database.url, { pool: { min: 0, max: 1 } }));
    try {
      const applied = await migrateToLatest(orm);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
    } finally {
      await orm.close();
    }
  } finally {
    await database.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
