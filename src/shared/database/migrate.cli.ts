import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../../mikro-orm.config';
import { loadConfig } from '../../config';
import { resolveDatabase } from './database-location';
import { migrateToLatest } from './migrate';

/** `npm run migration:up`: migrates `DATABASE_URL`, or the embedded database when it is not set. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, (message) => console.log(message));
  const orm = await MikroORM.init(createOrmConfig(database.url));
  try {
    const applied = await migrateToLatest(orm);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
  } finally {
    await orm.close();
    await database.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
