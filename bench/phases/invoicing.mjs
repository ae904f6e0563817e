// Phase 4: the monthly run (POST /v1/invoicing/runs for the seeded period), then a bare SQL
// GROUP BY customer over the same rows: (a) the period's rows alone, in a table of their own (what
// a month partition would hold: the physical limit) and (b) the same statement on `calls` as it is.
import { expectStatus, request } from '../lib/http.mjs';
import { median } from '../lib/stats.mjs';

const RUN_TIMEOUT_MS = 30 * 60_000;
const BARE_REPEATS = 3;
const GROUP_BY = (table) => `
  SELECT customer_id, period, rate_group, rate_per_minute, currency, sum(minutes) AS minutes,
         sum(billed_seconds) AS billed_seconds, count(*) AS call_count, sum(charge) AS charge,
         sum(covered_by_balance) AS covered
  FROM ${table} WHERE period = $1 AND NOT late
  GROUP BY customer_id, period, rate_group, rate_per_minute, currency`;

export async function monthlyRun(ctx, { period, customers, callsInPeriod }) {
  const { pool, monitor } = ctx;
  await pool.query('CHECKPOINT');
  monitor.begin('invoicing');
  const started = performance.now();
  const response = await request(ctx.service.baseUrl, 'POST', '/v1/invoicing/runs', {
    body: { period },
    apiKey: ctx.apiKey,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const seconds = (performance.now() - started) / 1000;
  monitor.end();
  const summary = expectStatus(response, 200, 'POST /v1/invoicing/runs');
  if (summary.customers !== customers || summary.created !== customers || summary.failed !== 0) {
    throw new Error(`the monthly run did not invoice every customer: ${JSON.stringify(summary)}`);
  }
  await checkTotals(pool, period);

  monitor.begin('invoicing:bareGroupByOnCalls', { service: false });
  const onCalls = await timeBare(pool, GROUP_BY('calls'), period);
  monitor.end();
  if (!/^\d{4}-\d{2}$/.test(period)) throw new Error(`not a period: ${period}`);
  await pool.query(`CREATE TABLE bench_period_calls AS SELECT * FROM calls WHERE period = '${period}'`);
  await pool.query('VACUUM (ANALYZE) bench_period_calls');
  monitor.begin('invoicing:bareGroupBy', { service: false });
  const periodOnly = await timeBare(pool, GROUP_BY('bench_period_calls'), period);
  monitor.end();
  await pool.query('DROP TABLE bench_period_calls');

  return {
    period,
    customers,
    callsInPeriod,
    seconds,
    invoicesPerSecond: summary.created / seconds,
    summary,
    bareGroupBy: { periodOnly, onCallsTable: onCalls },
    ratio: seconds / periodOnly.seconds,
    ratioVsCallsTable: seconds / onCalls.seconds,
  };
}

/** Invoice totals must match the calls: the sum of each customer's minutes x 0.02, rounded half-up. */
async function checkTotals(pool, period) {
  const { rows } = await pool.query(
    `SELECT (SELECT sum(total) FROM invoices WHERE period = $1) AS invoiced,
            (SELECT sum(round(m * 0.02, 2)) FROM (SELECT sum(minutes) AS m FROM calls
              WHERE period = $1 AND NOT late GROUP BY customer_id) per_customer) AS expected`,
    [period],
  );
  if (rows[0].invoiced !== rows[0].expected) {
    throw new Error(`invoice totals ${rows[0].invoiced} differ from the calls' ${rows[0].expected}`);
  }
}

async function timeBare(pool, statement, period) {
  const { rows: plan } = await pool.query(`EXPLAIN (FORMAT JSON) ${statement}`, [period]);
  const times = [];
  let groups = 0;
  for (let i = 0; i < BARE_REPEATS; i++) {
    const started = performance.now();
    const { rowCount } = await pool.query(statement, [period]);
    times.push((performance.now() - started) / 1000);
    groups = rowCount;
  }
  return { seconds: median(times), runs: times, groups, plan: planShape(plan[0]['QUERY PLAN'][0].Plan) };
}

/** e.g. "Finalize Hashed Aggregate < Gather < Partial Hashed Aggregate < Seq Scan (parallel) on calls" */
function planShape(node) {
  const parts = [];
  for (let current = node; current; current = current.Plans?.[0]) {
    const name = [
      current['Partial Mode'] && current['Partial Mode'] !== 'Simple' ? current['Partial Mode'] : '',
      current.Strategy && current.Strategy !== 'Plain' ? current.Strategy : '',
      current['Node Type'],
      current['Parallel Aware'] ? '(parallel)' : '',
    ]
      .filter(Boolean)
      .join(' ');
    parts.push(current['Relation Name'] ? `${name} on ${current['Relation Name']}` : name);
  }
  return parts.join(' < ');
}
