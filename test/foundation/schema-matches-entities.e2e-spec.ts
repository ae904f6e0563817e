import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../mikro-orm.config';
import { migrateToLatest } from '../../src/shared/database/migrate';
import { databaseName, TEST_SERVER_URL_VARIABLE, withClient, withDatabase } from '../support/test-database';

/** An empty database of its own on the test server (not the migrated template). */
async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE]!;
  const name = `${databaseName(serverUrl)}_schema_${randomBytes(4).toString('hex')}`;
  const admin = withDatabase(serverUrl, 'postgres');
  await withClient(admin, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

describe('The entities and the committed migrations', () => {
  it('describe the same schema: MikroORM finds nothing to change after every migration ran', async () => {
    const database = await createEmptyDatabase();
    const orm = await MikroORM.init(
      createOrmConfig(database.url, { pool: { min: 0, max: 1 }, debug: ['schema'] }),
    );
    try {
      await migrateToLatest(orm);
      const diff = (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
      if (diff !== '') {
        throw new Error(
          'The entities differ from the schema the migrations build. Change the entity back, or run ' +
            '`npm run migration:create -- --name <what_changed>` and commit the migration. MikroORM would run:\n\n' +
            diff,
        );
      }
      expect(diff).toBe('');
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
