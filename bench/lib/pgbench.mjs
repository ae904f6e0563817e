// The single-row INSERT limit measured by PostgreSQL's own load generator, pgbench (C, libpq,
// prepared statements, one thread per core): the strongest client there is for that statement, so
// the ratio is against what the server can do, not against how fast a Node client can ask.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latencySummary } from './stats.mjs';
import { TICKS_PER_SECOND } from './monitor.mjs';

/**
 * The pgbench binary: on PATH, or under Debian's /usr/lib/postgresql/<major>/bin. When neither
 * exists and this process is root, Debian's postgresql-client is installed (the one install the
 * bench makes); otherwise the run stops and says what to install.
 */
export function pgbenchBinary() {
  const found = locate();
  if (found) return found;
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql-client'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = locate();
    if (installed) return installed;
  }
  throw new Error('pgbench not found: install PostgreSQL client tools (apt-get install postgresql-client)');
}

function locate() {
  try {
    return execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim() || null;
  } catch {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const majors = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    const binary = majors.map((major) => join(root, major, 'bin/pgbench')).find((path) => existsSync(path));
    return binary ?? null;
  }
}

/** The statement the service's single-call path ends in, for one call, values made by the server. */
const SCRIPT = `\\set k random(1, :customers)
\\set second random(60, :window)
\\set minutes random(1, 30)
INSERT INTO calls (id, call_id, customer_id, phone_number, destination, started_at, minutes,
  duration_seconds, billed_seconds, rate_group, rate_per_minute, charge, currency, plan, period, received_at)
VALUES (gen_random_uuid(), :prefix::text || gen_random_uuid()::text, md5(:k::text)::uuid,
  '+3519' || lpad(:k::text, 8, '0'), '+14155550100', :monthStart::timestamptz + make_interval(secs => :second::int),
  :minutes::int, :minutes::int * 60, :minutes::int * 60, 'default', 0.02, :minutes::int * 0.02, 'USD', 'postpaid',
  :period::text, now());
`;

/**
 * Runs pgbench for `seconds` at `connections` (2 threads: the cores), inserting calls shaped like
 * the bench's; answers rows/s, per-transaction latency percentiles (from pgbench's own log) and
 * the share of the machine's CPU that pgbench itself used.
 */
export async function pgbenchInserts(
  ctx,
  { connections, seconds, workDir, period, monthStart, windowSeconds },
) {
  const binary = pgbenchBinary();
  const dir = join(workDir, 'pgbench');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'insert-call.sql');
  writeFileSync(script, SCRIPT);
  const prefix = `pgb-${ctx.runTag}-`;
  const args = [
    '--no-vacuum',
    '--protocol=prepared',
    `--client=${connections}`,
    '--jobs=2',
    `--time=${seconds}`,
    `--file=${script}`,
    '--log',
    `--log-prefix=${join(dir, 'log')}`,
    `--define=customers=${ctx.customers.length}`,
    `--define=window=${Math.max(61, windowSeconds)}`,
    `--define=prefix=${prefix}`,
    `--define=monthStart=${monthStart.toISOString()}`,
    `--define=period=${period}`,
    ctx.databaseUrl,
  ];
  const { output, cpuTicks } = await run(binary, args);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!tps) throw new Error(`pgbench: no tps in its output:\n${output.slice(-2000)}`);
  const { rows } = await ctx.pool.query('SELECT count(*)::int AS n FROM calls WHERE call_id LIKE $1', [
    `${prefix}%`,
  ]);
  const latencies = readdirSync(dir)
    .filter((name) => name.startsWith('log'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => Number(line.split(' ')[2]) / 1000); // microseconds → ms
  if (rows[0].n !== latencies.length) {
    throw new Error(`pgbench: ${latencies.length} transactions logged but ${rows[0].n} rows stored`);
  }
  const cpuSeconds = cpuTicks / TICKS_PER_SECOND;
  return {
    client: 'pgbench',
    version: execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim(),
    connections,
    seconds,
    rowsPerSecond: Number(tps[1]),
    rows: rows[0].n,
    latencyMs: latencySummary(latencies),
    clientCpuShare: cpuSeconds / (seconds * 2),
  };
}

/**
 * Runs the command to its end under `sh`, which then prints its own /proc stat: its children's
 * CPU time (`cutime + cstime`, fields 16-17) is exactly what the command used, to its last tick.
 */
function run(binary, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'sh',
      ['-c', '"$0" "$@"; status=$?; echo; cat /proc/$$/stat; exit $status', binary, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`pgbench exited with ${code}:\n${output.slice(-2000)}`));
      const stat = output.trimEnd().split('\n').pop();
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      resolve({ output, cpuTicks: Number(fields[13]) + Number(fields[14]) });
    });
  });
}
