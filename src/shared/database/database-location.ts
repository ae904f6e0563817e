import type { AppConfig } from '../../config';
import { assertDatabaseReachable } from './connection-check';
import { embeddedUrl, ensureDatabase, runningServicePort, startEmbeddedDatabase } from './embedded-database';
import type { ClaimPurpose } from './embedded/data-directory-claim';

export interface DatabaseLocation {
  url: string;
  /** Stops what was started for this location (the embedded server), or nothing. Safe to call twice. */
  release: () => Promise<void>;
}

type DatabaseSettings = Pick<AppConfig, 'DATABASE_URL' | 'EMBEDDED_POSTGRES_DIR' | 'EMBEDDED_POSTGRES_PORT'>;

export const EMBEDDED_DATABASE_NAME = 'phone_billing';

/**
 * `DATABASE_URL` when given (checked to answer, or start-up stops with one line saying what was
 * tried); otherwise the project's embedded PostgreSQL, started on demand and held by this process
 * (the start says so in the log once it holds the data folder).
 */
export async function resolveDatabase(
  config: DatabaseSettings,
  log: (message: string) => void,
  purpose: ClaimPurpose = 'service',
): Promise<DatabaseLocation> {
  if (config.DATABASE_URL) {
    await assertDatabaseReachable(config.DATABASE_URL);
    return { url: config.DATABASE_URL, release: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: config.EMBEDDED_POSTGRES_DIR,
    port: config.EMBEDDED_POSTGRES_PORT,
    purpose,
    onNotice: log,
  });
  try {
    await ensureDatabase(embedded.url(), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url(EMBEDDED_DATABASE_NAME), release: () => embedded.stop() };
}

/**
 * For `npm run migration:up`: a running service's embedded server is migrated where it runs (never
 * stopped); otherwise the database is resolved as the service would.
 */
export async function resolveDatabaseToMigrate(
  config: DatabaseSettings,
  log: (message: string) => void,
): Promise<DatabaseLocation> {
  const running = config.DATABASE_URL ? null : runningServicePort(config.EMBEDDED_POSTGRES_DIR);
  if (!running) return resolveDatabase(config, log, 'migration');
  log(
    `The embedded PostgreSQL in ${config.EMBEDDED_POSTGRES_DIR} is in use by the running service (pid ` +
      `${running.pid}): migrating it through that server, which keeps running`,
  );
  const url = embeddedUrl(running.port, EMBEDDED_DATABASE_NAME);
  await assertDatabaseReachable(url, `the running service's embedded PostgreSQL`);
  return { url, release: () => Promise.resolve() };
}
