import type { AppConfig } from '../../config';
import { ensureDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

export interface DatabaseLocation {
  url: string;
  /** Stops what was started for this location (the embedded server), or nothing. */
  release: () => Promise<void>;
}

const EMBEDDED_DATABASE_NAME = 'phone_billing';

/** `DATABASE_URL` when given; otherwise the project's embedded PostgreSQL, started on demand. */
export async function resolveDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'EMBEDDED_POSTGRES_DIR' | 'EMBEDDED_POSTGRES_PORT'>,
  log: (message: string) => void,
): Promise<DatabaseLocation> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, release: () => Promise.resolve() };

  log(`DATABASE_URL not set: starting embedded PostgreSQL in ${config.EMBEDDED_POSTGRES_DIR}`);
  const embedded: EmbeddedDatabase = await startEmbeddedDatabase({
    dataDir: config.EMBEDDED_POSTGRES_DIR,
    port: config.EMBEDDED_POSTGRES_PORT,
  });
  await ensureDatabase(embedded.url(), EMBEDDED_DATABASE_NAME);
  return { url: embedded.url(EMBEDDED_DATABASE_NAME), release: () => embedded.stop() };
}
