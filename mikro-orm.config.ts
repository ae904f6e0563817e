import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrations } from './src/migrations';

/**
 * The one MikroORM configuration shared by the app, the CLI and the tests. Persistence is written
 * in SQL through the EntityManager (set-wise statements on the hot paths), so no entity metadata
 * is discovered; the migrations are listed explicitly.
 */
export function createOrmConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: './dist/src/migrations',
      pathTs: './src/migrations',
      migrationsList: migrations,
      transactional: true,
      silent: true,
      // Migrations are hand-written SQL; no schema snapshots are kept.
      snapshot: false,
      snapshotOnMigrate: false,
    },
    pool: { min: 0, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    allowGlobalContext: false,
    debug: false,
    ...overrides,
  });
}

/** For the MikroORM CLI: `DATABASE_URL`, or the embedded server `npm start` runs. */
export default createOrmConfig(
  process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/phone_billing',
);
