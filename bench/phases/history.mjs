// Phase 3: GET /v1/customers/{id}/calls?limit=50 at a fixed concurrency over the SQL-seeded
// customers (drawn uniformly, so mostly light customers whose rows are scattered over the table),
// with the calls table at its full size.
import autocannon from 'autocannon';
import { expectStatus, request } from '../lib/http.mjs';
import { latencySummary } from '../lib/stats.mjs';

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
  const latencies = [];
  const instance = autocannon({
    url: ctx.service.baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${ctx.apiKey}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[Math.floor(random() * paths.length)] }),
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const ok = result.statusCodeStats['200']?.count ?? 0;
  const others = Object.entries(result.statusCodeStats).filter(([status]) => status !== '200');
  if (others.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `GET calls: statuses ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    seconds: result.duration,
    requestsPerSecond: ok / result.duration,
    latencyMs: latencySummary(latencies),
  };
}
