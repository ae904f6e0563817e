// The storage limit the ingestion phases are compared with: COPY of the very rows a phase stored
// (read back with `COPY ... TO`) into a fresh table, from files the server reads itself
// (`COPY ... FROM '<file>'`): no client and no protocol in the way, the strongest limit there is.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOut } from './postgres.mjs';

export const CALL_COLUMNS = `id, call_id, customer_id, phone_number, destination, started_at, minutes, duration_seconds,
  billed_seconds, rate_group, rate_per_minute, charge, currency, covered_by_balance, plan, period, received_at, late,
  late_invoice_id`;

/** A table with nothing but the columns: the physical limit. */
export const PLAIN_TABLE = '(LIKE calls INCLUDING DEFAULTS)';
/** A table with everything `calls` has: same indexes, unique keys, checks, and the customer foreign key. */
export const CALLS_LIKE_TABLE =
  '(LIKE calls INCLUDING ALL, FOREIGN KEY (customer_id) REFERENCES customers (id))';

/** The stored rows whose call_id starts with `prefix`, in files of `chunkRows` lines. */
export async function storedRowsInFiles({ pool, workDir }, prefix, chunkRows) {
  const text = await copyOut(
    pool,
    `COPY (SELECT ${CALL_COLUMNS} FROM calls WHERE call_id LIKE '${prefix}%') TO STDOUT`,
  );
  const lines = text.split('\n').filter((line) => line.length > 0);
  const dir = join(workDir, 'copy', prefix.replace(/[^A-Za-z0-9-]/g, '_'));
  mkdirSync(dir, { recursive: true });
  // The server runs as another OS user when the bench is root: it must be able to read them.
  for (const folder of [workDir, join(workDir, 'copy'), dir])
    chmodSync(folder, folder === workDir ? 0o711 : 0o755);
  const files = [];
  for (let first = 0; first < lines.length; first += chunkRows) {
    const file = join(dir, `chunk-${files.length}.tsv`);
    writeFileSync(file, `${lines.slice(first, first + chunkRows).join('\n')}\n`, { mode: 0o644 });
    files.push(file);
  }
  return files;
}

/** COPY of the files into a fresh `table` defined by `definition`, `concurrency` at a time; timed as `phase`. */
export async function timedCopy({ pool, monitor }, { phase, table, definition, files, concurrency }) {
  await pool.query(`CREATE TABLE ${table} ${definition}`);
  await pool.query('CHECKPOINT');
  monitor.begin(phase, { service: false });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) await pool.query(`COPY ${table} (${CALL_COLUMNS}) FROM '${files[next++]}'`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  monitor.end();
  const { rows: counted } = await pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  const rows = counted[0].n;
  await pool.query(`DROP TABLE ${table}`);
  return { rows, seconds, rowsPerSecond: rows / seconds };
}
