// Phase 1: batch ingestion through POST /v1/calls/batch, then COPY of the very rows it stored into
// (a) a plain table (no index, no constraint: the physical limit the issue names) and (b) a table
// with everything `calls` has (same indexes, unique keys, checks and the customer foreign key).
// COPY reads the rows from files through the server's own path (`COPY ... FROM '<file>'`): no
// client, no protocol, the strongest limit there is for storing them.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callFactory } from '../lib/calls.mjs';
import { expectStatus, request } from '../lib/http.mjs';
import { copyOut } from '../lib/postgres.mjs';
import { latencySummary } from '../lib/stats.mjs';

const COLUMNS = `id, call_id, customer_id, phone_number, destination, started_at, minutes, duration_seconds,
  billed_seconds, rate_group, rate_per_minute, charge, currency, covered_by_balance, plan, period, received_at, late,
  late_invoice_id`;
const PHASE_TIMEOUT_MS = 15 * 60_000;

export async function batchIngestion(ctx, { calls, batchSize, concurrency }) {
  const { service, apiKey, pool, monitor } = ctx;
  const prefix = `b-${ctx.runTag}-`;
  const makeCall = callFactory(ctx);
  const bodies = [];
  for (let first = 0; first < calls; first += batchSize) {
    const items = [];
    for (let n = first; n < Math.min(calls, first + batchSize); n++)
      items.push(makeCall(`${prefix}${n}`).record);
    bodies.push(JSON.stringify({ calls: items }));
  }

  await pool.query('CHECKPOINT');
  monitor.begin('batch');
  const latencies = [];
  let next = 0;
  let accepted = 0;
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        if (Date.now() > deadline) throw new Error('batch ingestion: phase time limit reached');
        const body = bodies[next++];
        const response = await request(service.baseUrl, 'POST', '/v1/calls/batch', {
          body,
          apiKey,
          timeoutMs: 120_000,
        });
        const outcome = expectStatus(response, 200, 'POST /v1/calls/batch');
        if (outcome.duplicates !== 0 || outcome.rejected.length !== 0) {
          throw new Error(`batch not fully accepted: ${JSON.stringify(outcome).slice(0, 300)}`);
        }
        accepted += outcome.accepted;
        latencies.push(response.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  monitor.end();
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM calls WHERE call_id LIKE $1', [
    `${prefix}%`,
  ]);
  if (accepted !== calls || rows[0].n !== calls) {
    throw new Error(`batch ingestion stored ${rows[0].n} of ${calls} calls (accepted ${accepted})`);
  }

  const text = await copyOut(
    pool,
    `COPY (SELECT ${COLUMNS} FROM calls WHERE call_id LIKE '${prefix}%') TO STDOUT`,
  );
  const lines = text.split('\n').filter((line) => line.length > 0);
  const chunks = chunkFiles(ctx.workDir, lines, batchSize);
  const copyPlain = await timedCopy(
    ctx,
    'batch:copyPlain',
    'bench_copy_plain',
    '(LIKE calls INCLUDING DEFAULTS)',
    chunks,
    concurrency,
  );
  const copyIndexed = await timedCopy(
    ctx,
    'batch:copyIndexed',
    'bench_copy_indexed',
    '(LIKE calls INCLUDING ALL, FOREIGN KEY (customer_id) REFERENCES customers (id))',
    chunks,
    concurrency,
  );

  const callsPerSecond = calls / seconds;
  return {
    calls,
    batchSize,
    concurrency,
    seconds,
    callsPerSecond,
    batchLatencyMs: latencySummary(latencies),
    copyPlain,
    copyIndexed,
    ratio: callsPerSecond / copyPlain.rowsPerSecond,
    ratioVsIndexed: callsPerSecond / copyIndexed.rowsPerSecond,
  };
}

async function timedCopy({ pool, monitor }, phase, table, definition, chunks, concurrency) {
  await pool.query(`CREATE TABLE ${table} ${definition}`);
  await pool.query('CHECKPOINT');
  monitor.begin(phase, { service: false });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < chunks.length) await pool.query(`COPY ${table} (${COLUMNS}) FROM '${chunks[next++]}'`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  monitor.end();
  const { rows: counted } = await pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  const rows = counted[0].n;
  await pool.query(`DROP TABLE ${table}`);
  return { rows, seconds, rowsPerSecond: rows / seconds };
}

/** The rows in files of `size` lines that the server (another OS user when the bench is root) can read. */
function chunkFiles(workDir, lines, size) {
  const dir = join(workDir, 'copy');
  mkdirSync(dir, { recursive: true });
  chmodSync(workDir, 0o711);
  chmodSync(dir, 0o755);
  const files = [];
  for (let first = 0; first < lines.length; first += size) {
    const file = join(dir, `chunk-${files.length}.tsv`);
    writeFileSync(file, `${lines.slice(first, first + size).join('\n')}\n`, { mode: 0o644 });
    files.push(file);
  }
  return files;
}
