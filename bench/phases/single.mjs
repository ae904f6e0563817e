// Phase 2: single calls through POST /v1/calls at a fixed concurrency (autocannon; every request
// is built afresh with a new callId, so each one is a new call, never an idempotent replay), then
// the same number of connections inserting single rows into the same `calls` table through
// pgbench: PostgreSQL's own C client, the strongest limit for that statement (lib/pgbench.mjs).
import { callFactory } from '../lib/calls.mjs';
import { loadTest } from '../lib/load.mjs';
import { pgbenchInserts } from '../lib/pgbench.mjs';
import { periodCode, utcMonthStart } from '../lib/seed.mjs';

export async function singleCalls(ctx, { connections, seconds, warmupSeconds }) {
  const { pool, monitor } = ctx;
  const makeCall = callFactory(ctx);

  await load(ctx, { prefix: `sw-${ctx.runTag}-`, connections, seconds: warmupSeconds, makeCall });
  await pool.query('CHECKPOINT');
  monitor.begin('single');
  const prefix = `s-${ctx.runTag}-`;
  const service = await load(ctx, { prefix, connections, seconds, makeCall });
  monitor.end();
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM calls WHERE call_id LIKE $1', [
    `${prefix}%`,
  ]);
  // Requests still in flight when autocannon stops may be stored without being counted.
  if (rows[0].n < service.created || rows[0].n > service.created + connections) {
    throw new Error(`single calls: ${service.created} answered 201 but ${rows[0].n} are stored`);
  }

  await pool.query('CHECKPOINT');
  monitor.begin('single:bareInsert', { service: false });
  const monthStart = utcMonthStart(ctx.now);
  const bare = await pgbenchInserts(ctx, {
    connections,
    seconds,
    workDir: ctx.workDir,
    period: periodCode(monthStart),
    monthStart,
    windowSeconds: Math.floor((ctx.now.getTime() - monthStart.getTime()) / 1000) - 120,
  });
  monitor.end();
  return {
    connections,
    seconds: service.seconds,
    requestsPerSecond: service.perSecond,
    latencyMs: service.latencyMs,
    clientCpuShare: service.clientCpuShare,
    bareInsert: bare,
    ratio: service.perSecond / bare.rowsPerSecond,
  };
}

async function load(ctx, { prefix, connections, seconds, makeCall }) {
  let n = 0;
  const result = await loadTest(ctx, {
    connections,
    seconds,
    method: 'POST',
    path: '/v1/calls',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: JSON.stringify(makeCall(`${prefix}${n++}`).record) }),
    expectedStatus: 201,
    what: 'POST /v1/calls',
  });
  return {
    created: result.answered,
    seconds: result.seconds,
    perSecond: result.perSecond,
    latencyMs: result.latencyMs,
    clientCpuShare: result.clientCpuShare,
  };
}
