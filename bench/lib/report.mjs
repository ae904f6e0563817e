// The printed table and the targets of issue 8, from one result object.
import { round } from './stats.mjs';

// The targets of issue 20: every ratio against the strongest limit measured in the same run.
const RSS_LIMIT_MB = 200;

export function evaluateTargets(figures) {
  const targets = [];
  const add = (name, value, target, met) => targets.push({ name, value: round(value, 3), target, met });
  const { toHealthyMs, restartToHealthyMs } = figures.startup;
  add('start-up to healthy s (empty database: migrations)', toHealthyMs / 1000, '< 1.5', toHealthyMs < 1500);
  if (restartToHealthyMs !== undefined)
    add(
      'restart to healthy s (migrated database)',
      restartToHealthyMs / 1000,
      '< 1.5',
      restartToHealthyMs < 1500,
    );
  if (figures.batch) {
    const ratio = figures.batch.ratioVsIndexed;
    add('batch / COPY (calls-like table)', ratio, '>= 0.7', ratio >= 0.7);
  }
  if (figures.cdr) {
    const ratio = figures.cdr.ratioVsIndexed;
    add('CDR file / COPY (calls-like table)', ratio, '>= 0.7', ratio >= 0.7);
  }
  if (figures.single)
    add('single (c=32) / pgbench INSERT', figures.single.ratio, '>= 0.6', figures.single.ratio >= 0.6);
  if (figures.history) {
    const { p50, p99 } = figures.history.latencyMs;
    const calls = millions(figures.history.callsInTable);
    add(`history p99 ms (${calls} calls, c=${figures.history.connections})`, p99, '< 10', p99 < 10);
    add(`history p50 ms (${calls} calls, c=${figures.history.connections})`, p50, '< 3', p50 < 3);
  }
  if (figures.invoicing) {
    add('monthly run / bare GROUP BY', figures.invoicing.ratio, '<= 2', figures.invoicing.ratio <= 2);
  }
  for (const [phase, mb] of Object.entries(figures.rssMb)) {
    add(`peak RSS ${phase} MB`, mb, `< ${RSS_LIMIT_MB}`, mb < RSS_LIMIT_MB);
  }
  return targets;
}

export function printReport(result) {
  const f = result.figures;
  const rows = [['figure', 'service', 'limit / detail', 'ratio']];
  rows.push([
    'start-up to healthy (empty database: migrations)',
    `${round(f.startup.toHealthyMs)} ms`,
    '',
    '',
  ]);
  if (f.startup.restartToHealthyMs !== undefined)
    rows.push([
      'restart to healthy (migrated database)',
      `${round(f.startup.restartToHealthyMs)} ms`,
      '',
      '',
    ]);
  if (f.seedApi)
    rows.push([
      'customers via POST /v1/customers',
      `${num(f.seedApi.perSecond)}/s`,
      `${f.seedApi.customers} customers, 8 at a time`,
      '',
    ]);
  if (f.batch) {
    const b = f.batch;
    rows.push([
      `batch ingestion (${num(b.calls)} calls, ${num(b.batchSize)}/batch, ${b.concurrency} in flight)`,
      `${num(b.callsPerSecond)} calls/s`,
      `COPY plain table ${num(b.copyPlain.rowsPerSecond)} rows/s`,
      ratio(b.ratio),
    ]);
    rows.push([
      '',
      `batch p50 ${ms(b.batchLatencyMs.p50)}`,
      `COPY calls-like table ${num(b.copyIndexed.rowsPerSecond)} rows/s`,
      ratio(b.ratioVsIndexed),
    ]);
  }
  if (f.cdr) {
    const c = f.cdr;
    rows.push([
      `CDR file import (${num(c.rows)} Asterisk rows, ${num(c.megabytes)} MB, one upload)`,
      `${num(c.callsPerSecond)} calls/s`,
      `COPY calls-like table ${num(c.copyIndexed.rowsPerSecond)} rows/s`,
      ratio(c.ratioVsIndexed),
    ]);
  }
  if (f.single) {
    const s = f.single;
    rows.push([
      `single POST /v1/calls (c=${s.connections}, ${round(s.seconds)} s)`,
      `${num(s.requestsPerSecond)} req/s`,
      `pgbench INSERT ${num(s.bareInsert.rowsPerSecond)} rows/s`,
      ratio(s.ratio),
    ]);
    rows.push([
      '',
      `p50 ${ms(s.latencyMs.p50)} p99 ${ms(s.latencyMs.p99)}`,
      `pgbench p50 ${ms(s.bareInsert.latencyMs.p50)} p99 ${ms(s.bareInsert.latencyMs.p99)}`,
      '',
    ]);
    rows.push([
      '',
      `load generator CPU ${percent(s.clientCpuShare)} of the cores`,
      `pgbench CPU ${percent(s.bareInsert.clientCpuShare)} of the cores`,
      '',
    ]);
  }
  if (f.seedSql) {
    rows.push([
      'SQL seeding (not a target)',
      `${num(f.seedSql.customers)} customers, ${num(f.seedSql.calls)} calls`,
      `${num(f.seedSql.callsPerSecond)} calls/s, ${round(f.seedSql.seconds)} s incl. VACUUM`,
      '',
    ]);
  }
  if (f.history) {
    const h = f.history;
    rows.push([
      `history GET ?limit=50 (c=${h.connections}, ${millions(h.callsInTable)} calls, ${num(h.callsTableMb)} MB)`,
      `p50 ${ms(h.latencyMs.p50)} p99 ${ms(h.latencyMs.p99)}`,
      `${num(h.requestsPerSecond)} req/s, max ${ms(h.latencyMs.max)}, load generator CPU ${percent(h.clientCpuShare)}`,
      '',
    ]);
    rows.push([
      '',
      `c=1: p50 ${ms(h.unloaded.latencyMs.p50)} p99 ${ms(h.unloaded.latencyMs.p99)}`,
      `${num(h.unloaded.requestsPerSecond)} req/s at c=1`,
      '',
    ]);
  }
  if (f.invoicing) {
    const i = f.invoicing;
    rows.push([
      `monthly run (${num(i.customers)} customers, ${millions(i.callsInPeriod)} calls)`,
      `${round(i.seconds, 2)} s, ${num(i.invoicesPerSecond)} invoices/s`,
      `bare GROUP BY period rows ${round(i.bareGroupBy.periodOnly.seconds, 2)} s`,
      ratio(i.ratio),
    ]);
    rows.push([
      '',
      '',
      `bare GROUP BY on calls ${round(i.bareGroupBy.onCallsTable.seconds, 2)} s`,
      ratio(i.ratioVsCallsTable),
    ]);
  }
  rows.push([
    'peak RSS per phase',
    Object.entries(f.rssMb)
      .map(([p, mb]) => `${p} ${mb}`)
      .join(', ') + ' MB',
    '',
    '',
  ]);

  if (f.rssAnonMb) {
    const anon = Object.entries(f.rssAnonMb).map(([p, mb]) => `${p} ${mb}`);
    rows.push(['of which anonymous (heap etc.)', `${anon.join(', ')} MB`, '', '']);
  }
  for (const [phase, cpu] of Object.entries(f.cpuMicrosPerUnit ?? {})) {
    rows.push([`CPU per unit, ${phase}`, `service ${cpu.service} us`, `postgres ${cpu.postgres} us`, '']);
  }

  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log();
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  const load = result.machine.loadAverage;
  console.log(
    `load average (1 min) at start ${round(load.start, 2)}, at end ${round(load.end, 2)} on ${result.machine.cpus} cores`,
  );
  for (const t of result.targets)
    console.log(`${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.value} (target ${t.target})`);
  console.log();
}

function num(value) {
  return Math.round(value).toLocaleString('en-US');
}

function millions(value) {
  return value >= 1e6 ? `${round(value / 1e6, 1)}M` : num(value);
}

function ms(value) {
  return `${round(value, 1)} ms`;
}

function percent(share) {
  return `${round(share * 100)}%`;
}

function ratio(value) {
  return `${round(value, 2)}x`;
}
