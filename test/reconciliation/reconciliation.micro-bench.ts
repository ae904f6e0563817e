/**
 * What GET /v1/reconciliation costs on a month of 1,000,000 calls (10,000 customers, a table of
 * 2,000,000 calls over two months, the earlier month invoiced). Not part of `npm test` (its name
 * matches no project); run it on its own, through Jest (Nest needs ts-jest's decorator metadata):
 *
 *   npm run test:integration -- --testMatch '<rootDir>/test/reconciliation/reconciliation.micro-bench.ts'
 *
 * On the test cluster (PostgreSQL 18, the settings of test/support/global-setup.ts), seeded by
 * SQL; times the reconciliation's query as the service runs it (its ports, the real adapters).
 */
import { ReconcileMonthQuery } from '../../src/reconciliation/application/reconcile-month.query';
import { startTestApp } from '../support/test-app';

const CUSTOMERS = 10_000;
const CALLS_PER_MONTH = 1_000_000;
const RUNS = 5;

it('reports the cost of reconciling a month of 1M calls', async () => {
  const service = await startTestApp();
  try {
    const seeded = Date.now();
    await service.sql(seedCalls('2026-09-01', 30, 0));
    await service.sql(seedCalls('2026-10-01', 31, CALLS_PER_MONTH));
    await service.sql(invoiceSeptember());
    await service.sql('VACUUM ANALYZE calls');
    await service.sql('VACUUM ANALYZE invoices');
    const lines = [`seeded ${2 * CALLS_PER_MONTH} calls in ${((Date.now() - seeded) / 1000).toFixed(1)} s`];

    const query = service.app.get(ReconcileMonthQuery);
    for (const month of ['2026-10', '2026-09']) {
      const times: number[] = [];
      let result: Awaited<ReturnType<ReconcileMonthQuery['execute']>> | null = null;
      for (let run = 0; run < RUNS; run += 1) {
        const start = process.hrtime.bigint();
        result = await query.execute(month);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      expect(result!.recorded.calls).toBe(CALLS_PER_MONTH);
      expect(result!.checks.every((check) => check.holds)).toBe(true);
      lines.push(
        `${month}: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}) ` +
          JSON.stringify({ recorded: result!.recorded, invoiced: result!.invoiced }),
      );
    }
    const plan = await service.sql<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT customer_id, period, late, late_invoice_id, count(*),
         sum(duration_seconds), sum(billed_seconds), sum(charge) FROM calls
       WHERE started_at >= '2026-10-01' AND started_at < '2026-11-01'
       GROUP BY customer_id, period, late, late_invoice_id`,
    );
    lines.push(...plan.map((row) => row['QUERY PLAN']));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await service.close();
  }
}, 1_800_000);

/** UTC customers, one call per slot spread over the month, 1 to 10 minutes at 0.02. */
function seedCalls(monthStart: string, days: number, offset: number): string {
  return `
    INSERT INTO calls (id, call_id, customer_id, phone_number, destination, started_at, minutes,
      duration_seconds, billed_seconds, rate_group, rate_per_minute, charge, currency, plan, period,
      received_at, late)
    SELECT gen_random_uuid(), 'bench-' || (g + ${offset}),
      ('00000000-0000-4000-8000-' || lpad((g % ${CUSTOMERS})::text, 12, '0'))::uuid,
      '+3519' || lpad((g % ${CUSTOMERS})::text, 8, '0'), '+14155550100',
      ts, m, m * 60, m * 60, 'default', 0.02, m * 0.02, 'USD', 'postpaid', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM'),
      ts, false
    FROM generate_series(0, ${CALLS_PER_MONTH} - 1) AS g,
      LATERAL (SELECT '${monthStart}T00:00:00Z'::timestamptz
                      + ((g::bigint * ${days} * 86400) / ${CALLS_PER_MONTH}) * interval '1 second' AS ts,
                      1 + g % 10 AS m) v`;
}

/** Every customer's September invoice, agreeing with its stored calls. */
function invoiceSeptember(): string {
  return `
    INSERT INTO invoices (id, number, sequence, customer_id, period, period_start, period_end, timezone,
      plan, issued_at, call_count, minutes, billed_seconds, lines, total, currency)
    SELECT gen_random_uuid(), 'INV-2026-' || lpad(n::text, 6, '0'), n, customer_id, '2026-09',
      '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', 'UTC', 'postpaid', '2026-10-01T00:10:00Z',
      calls, minutes, billed_seconds, '[]'::jsonb, round(charges, 2), 'USD'
    FROM (SELECT customer_id, row_number() OVER (ORDER BY customer_id) AS n, count(*) AS calls,
                 sum(minutes) AS minutes, sum(billed_seconds) AS billed_seconds, sum(charge) AS charges
          FROM calls WHERE period = '2026-09' GROUP BY customer_id) s`;
}
