// Phase 3: GET /v1/customers/{id}/calls?limit=50 at a fixed concurrency over the SQL-seeded
// customers (drawn uniformly, so mostly light customers whose rows are scattered over the table),
// with the calls table at its full size.
import { expectStatus, request } from '../lib/http.mjs';
import { loadTest } from '../lib/load.mjs';

const SAMPLE_CUSTOMERS = 5_000;

export async function history(ctx, { connections, seconds, warmupSeconds }) {
  const { pool, monitor, random } = ctx;
  const { rows: count } = await pool.query('SELECT count(*)::int AS n FROM bench_customer_index');
  const picks = Array.from({ length: SAMPLE_CUSTOMERS }, () => 1 + Math.floor(random() * count[0].n));
  const { rows: sample } = await pool.query(
    'SELECT customer_id FROM bench_customer_index WHERE idx = ANY($1::integer[])',
    [picks],
  );
  const paths = sample.map((row) => `/v1/customers/${row.customer_id}/calls?limit=50`);
  const first = expectStatus(
    await request(ctx.service.baseUrl, 'GET', paths[0], { apiKey: ctx.apiKey }),
    200,
    'GET calls',
  );
  if (first.data.length !== 50) throw new Error(`a history page had ${first.data.length} calls, expected 50`);

  await load(ctx, { paths, connections, seconds: warmupSeconds });
  const { rows: size } = await pool.query(
    `SELECT count(*)::bigint AS calls, pg_total_relation_size('calls') AS bytes FROM calls`,
  );
  await pool.query('CHECKPOINT');
  monitor.begin('history');
  const measured = await load(ctx, { paths, connections, seconds });
  monitor.end();
  // One request at a time: the latency of the path itself, without queueing behind the other seven.
  const unloaded = await load(ctx, { paths, connections: 1, seconds: Math.min(seconds, 5) });
  return {
    callsInTable: Number(size[0].calls),
    callsTableMb: Math.round(Number(size[0].bytes) / 1024 / 1024),
    customersSampled: sample.length,
    connections,
    ...measured,
    unloaded: { connections: 1, ...unloaded },
  };
}

async function load(ctx, { paths, connections, seconds }) {
  const { random } = ctx;
  const result = await loadTest(ctx, {
    connections,
    seconds,
    method: 'GET',
    setupRequest: (request) => ({ ...request, path: paths[Math.floor(random() * paths.length)] }),
    expectedStatus: 200,
    what: 'GET calls',
  });
  return {
    seconds: result.seconds,
    requestsPerSecond: result.perSecond,
    latencyMs: result.latencyMs,
    clientCpuShare: result.clientCpuShare,
  };
}
