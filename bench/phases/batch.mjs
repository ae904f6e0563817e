// Phase 1: batch ingestion through POST /v1/calls/batch, then COPY of the very rows it stored into
// (a) a plain table (no index, no constraint: the physical limit the issue names) and (b) a table
// with everything `calls` has (same indexes, unique keys, checks and the customer foreign key).
// COPY reads the rows from files through the server's own path (`COPY ... FROM '<file>'`): no
// client, no protocol, the strongest limit there is for storing them.
import { callFactory } from '../lib/calls.mjs';
import { expectStatus, request } from '../lib/http.mjs';
import { CALLS_LIKE_TABLE, PLAIN_TABLE, storedRowsInFiles, timedCopy } from '../lib/copy-limit.mjs';
import { latencySummary } from '../lib/stats.mjs';

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

  const files = await storedRowsInFiles(ctx, prefix, batchSize);
  const copyPlain = await timedCopy(ctx, {
    phase: 'batch:copyPlain',
    table: 'bench_copy_plain',
    definition: PLAIN_TABLE,
    files,
    concurrency,
  });
  const copyIndexed = await timedCopy(ctx, {
    phase: 'batch:copyIndexed',
    table: 'bench_copy_indexed',
    definition: CALLS_LIKE_TABLE,
    files,
    concurrency,
  });

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
