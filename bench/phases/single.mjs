// Phase 2: single calls through POST /v1/calls at a fixed concurrency (autocannon; every request
// is built afresh with a new callId, so each one is a new call, never an idempotent replay), then a
// bare single-row INSERT into the same `calls` table through pg at the same concurrency.
import { randomUUID } from 'node:crypto';
import { callFactory } from '../lib/calls.mjs';
import { createPool } from '../lib/postgres.mjs';
import { loadTest } from '../lib/load.mjs';
import { latencySummary } from '../lib/stats.mjs';

const INSERT = `INSERT INTO calls (id, call_id, customer_id, phone_number, destination, started_at, minutes,
  duration_seconds, billed_seconds, rate_group, rate_per_minute, charge, currency, plan, period, received_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $7 * 60, $7 * 60, 'default', $8, $9, $10, $11, $12, $13)`;

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
  const bare = await bareInserts(ctx, { connections, seconds, makeCall });
  monitor.end();
  return {
    connections,
    seconds: service.seconds,
    requestsPerSecond: service.perSecond,
    latencyMs: service.latencyMs,
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
  };
}

async function bareInserts(ctx, { connections, seconds, makeCall }) {
  const pool = createPool(ctx.databaseUrl, connections);
  try {
    let n = 0;
    const row = () => {
      const { customerId, record, period, charge } = makeCall(`sb-${ctx.runTag}-${n++}`);
      return [
        randomUUID(),
        record.callId,
        customerId,
        record.phoneNumber,
        record.destination,
        record.startedAt,
        record.minutes,
        '0.02',
        charge,
        'USD',
        'postpaid',
        period,
        new Date(),
      ];
    };
    // Open every connection first: connecting is not part of an insert.
    await Promise.all(Array.from({ length: connections }, () => pool.query(INSERT, row())));
    const latencies = [];
    let inserted = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const values = row();
          const sent = performance.now();
          await pool.query(INSERT, values);
          latencies.push(performance.now() - sent);
          inserted += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      connections,
      seconds: elapsed,
      rowsPerSecond: inserted / elapsed,
      latencyMs: latencySummary(latencies),
    };
  } finally {
    await pool.end();
  }
}
