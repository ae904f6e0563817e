import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../mikro-orm.config';
import { startEmbeddedDatabase } from '../../src/shared/database/embedded-database';
import { migrateToLatest } from '../../src/shared/database/migrate';
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
 * embedded cluster in a temporary folder. Migrations run once into a template database that every
 * test file clones.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'phone-billing-test-')), 'pg');
    const port = 55000 + Math.floor(Math.random() * 5000);
    const embedded = await startEmbeddedDatabase({
      dataDir,
      port,
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    });
    globalThis.stopTestDatabase = () => embedded.stop();
    serverUrl = embedded.url('phone_billing_test');
  }
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
