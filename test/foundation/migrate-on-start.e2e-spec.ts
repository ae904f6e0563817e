import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../mikro-orm.config';
import { migrations } from '../../src/migrations';
import { migrateOnStart } from '../../src/shared/database/migrate-on-start';
import {
  databaseName,
  dropDatabase,
  TEST_SERVER_URL_VARIABLE,
  withClient,
  withDatabase,
} from '../support/test-database';

const ALL = migrations.map((migration) => migration.name);

async function emptyDatabase(): Promise<string> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE]!;
  const name = `${databaseName(serverUrl)}_start_${randomBytes(4).toString('hex')}`;
  await withClient(withDatabase(serverUrl, 'postgres'), (client) =>
    client.query(`CREATE DATABASE "${name}"`),
  );
  return withDatabase(serverUrl, name);
}

const applied = (url: string) =>
  withClient(
    url,
    async (client) =>
      (
        await client.query<{ name: string; executed_at: Date }>(
          'SELECT name, executed_at FROM mikro_orm_migrations ORDER BY id',
        )
      ).rows,
  );

describe('Migrating on start (MIGRATE_ON_START)', () => {
  const urls: string[] = [];
  afterAll(async () => {
    for (const url of urls) await dropDatabase(url);
  });

  it('applies every migration to an empty database, then leaves the migrated database as it is', async () => {
    const url = await emptyDatabase();
    urls.push(url);

    expect(await migrateOnStart(url)).toEqual(ALL);
    const first = await applied(url);
    expect(first.map((row) => row.name.replace(/\.[jt]s$/, ''))).toEqual(ALL);

    expect(await migrateOnStart(url)).toEqual([]);
    expect(await applied(url)).toEqual(first);
  });

  it('applies the rest to a database migrated part of the way', async () => {
    const url = await emptyDatabase();
    urls.push(url);
    const orm = await MikroORM.init(createOrmConfig(url, { pool: { min: 0, max: 1 } }));
    try {
      await orm.migrator.up({ to: ALL[2] });
    } finally {
      await orm.close();
    }

    expect(await migrateOnStart(url)).toEqual(ALL.slice(3));
  });
});
