import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../mikro-orm.config';
import { startEmbeddedDatabase } from '../../src/shared/database/embedded-database';
import { migrateToLatest } from '../../src/shared/database/migrate';
import { aListeningPort } from './listening-ports';
import { removeTestFolder, sweepAbandonedTestFolders, TEST_FOLDER_PREFIX } from './test-folders';
import {
  assertTestDatabase,
  databaseName,
  TEMPLATE_SUFFIX,
  TEST_SERVER_URL_VARIABLE,
  withClient,
  withDatabase,
} from './test-database';

declare global {
  var stopTestDatabase: (() => Promise<void>) | undefined;
}

/**
 * One PostgreSQL for the whole run: `DATABASE_URL` when set (its name must say "test"), otherwise an
 * embedded cluster in a temporary folder, which the global teardown stops and removes (this set-up
 * does it itself when it fails). Migrations run once into a template database that every test
 * file clones.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    await sweepAbandonedTestFolders();
    const folder = await mkdtemp(join(tmpdir(), TEST_FOLDER_PREFIX));
    globalThis.stopTestDatabase = () => Promise.resolve(removeTestFolder(folder));
    try {
      const embedded = await startEmbeddedDatabase({
        dataDir: join(folder, 'pg'),
        port: aListeningPort('testRunPostgres'),
        purpose: 'tests',
        postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      });
      globalThis.stopTestDatabase = () => embedded.stop().finally(() => removeTestFolder(folder));
      serverUrl = embedded.url('phone_billing_test');
    } catch (error) {
      await globalThis.stopTestDatabase();
      throw error;
    }
  }
  try {
    await prepareTemplate(serverUrl);
  } catch (error) {
    await globalThis.stopTestDatabase?.();
    throw error;
  }
}

async function prepareTemplate(serverUrl: string): Promise<void> {
  assertTestDatabase(serverUrl);
  process.env[TEST_SERVER_URL_VARIABLE] = serverUrl;

  const template = `${databaseName(serverUrl)}${TEMPLATE_SUFFIX}`;
  await withClient(withDatabase(serverUrl, 'postgres'), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  const orm = await MikroORM.init(createOrmConfig(withDatabase(serverUrl, template)));
  try {
    await migrateToLatest(orm);
  } finally {
    await orm.close();
  }
}
