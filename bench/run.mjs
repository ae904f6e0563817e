// npm run bench [-- --quick] [-- --out FILE] [-- --cpu-prof] [-- --service-entry dist/src/main.js]
// Starts a fresh embedded PostgreSQL and the built service, measures the phases of issues 8 and 20, prints
// a table and writes the figures as JSON. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { closeHttpAgent } from './lib/http.mjs';
import { installSignalHandlers, onTeardown, sweepStaleRuns, teardown, tempPrefix } from './lib/lifecycle.mjs';
import { reserveHugePages } from './lib/huge-pages.mjs';
import { ROOT } from './lib/paths.mjs';
import {
  createPool,
  freePort,
  hugePagesStatus,
  SHARED_BUFFERS_BYTES,
  serverVersion,
  SERVER_SETTINGS,
  settle,
  startDatabase,
} from './lib/postgres.mjs';
import { evaluateTargets, printReport } from './lib/report.mjs';
import { PhaseMonitor, processMemory } from './lib/monitor.mjs';
import {
  checkLineNumbers,
  checkSeededCalls,
  periodCode,
  seedCallsBySql,
  seedCustomersBySql,
  seedCustomersThroughApi,
  utcMonthStart,
  withoutCallsIndexes,
} from './lib/seed.mjs';
import { writeRatingDeckCatalog } from './lib/rating-deck.mjs';
import { randomSource } from './lib/stats.mjs';
import { startService } from './lib/service.mjs';
import { batchIngestion } from './phases/batch.mjs';
import { cdrFileImport } from './phases/cdr-file.mjs';
import { history } from './phases/history.mjs';
import { monthlyRun } from './phases/invoicing.mjs';
import { singleCalls } from './phases/single.mjs';

const SIZES = {
  full: {
    apiCustomers: 1_000,
    batchCalls: 300_000,
    batchSize: 10_000,
    batchConcurrency: 2,
    singleConnections: 32,
    singleSeconds: 20,
    historyCalls: 10_000_000,
    historyConnections: 8,
    historySeconds: 20,
    runCustomers: 100_000,
    runCalls: 3_000_000,
    warmupSeconds: 3,
    timeLimitMinutes: 60,
    cdrRows: 1_000_000,
  },
  quick: {
    apiCustomers: 200,
    batchCalls: 20_000,
    batchSize: 10_000,
    batchConcurrency: 2,
    singleConnections: 32,
    singleSeconds: 5,
    historyCalls: 200_000,
    historyConnections: 8,
    historySeconds: 5,
    runCustomers: 2_000,
    runCalls: 60_000,
    warmupSeconds: 1,
    timeLimitMinutes: 5,
    cdrRows: 20_000,
  },
};

// The service runs with the node flags production uses (`npm run serve`), unless told otherwise.
const SERVE_CONFIG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).config;
const SERVE_NODE_OPTIONS = SERVE_CONFIG.nodeOptions;
// ...and glibc's malloc tunables, as `npm run serve` and the Docker image set them.
const GLIBC_TUNABLES = process.env.GLIBC_TUNABLES ?? SERVE_CONFIG.glibcTunables;

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    phases: { type: 'string', default: 'batch,cdr,single,history,invoicing' },
    'service-node-options': { type: 'string', default: SERVE_NODE_OPTIONS },
    // The service's entry: the bundle, as production runs it, or dist/src/main.js to compare.
    'service-entry': { type: 'string', default: 'dist/service/main.js' },
    'batch-concurrency': { type: 'string' },
    'batch-calls': { type: 'string' },
    'cdr-rows': { type: 'string' },
    'rating-deck': { type: 'string' },
  },
});
const PHASES = ['batch', 'cdr', 'single', 'history', 'invoicing'];
const phases = new Set(options.phases.split(',').map((phase) => phase.trim()));
for (const phase of phases) {
  if (!PHASES.includes(phase))
    throw new Error(`--phases: unknown phase ${phase} (known: ${PHASES.join(', ')})`);
}
const mode = options.quick ? 'quick' : 'full';
const sizes = { ...SIZES[mode] };
if (options['batch-concurrency']) sizes.batchConcurrency = Number(options['batch-concurrency']);
if (options['batch-calls']) sizes.batchCalls = Number(options['batch-calls']);
if (options['cdr-rows']) sizes.cdrRows = Number(options['cdr-rows']);
// --rating-deck N: the API's customers are on a plan rating by a generated deck of N prefixes (60/60).
const deckPrefixes = options['rating-deck'] ? Number(options['rating-deck']) : 0;
if (!Number.isInteger(deckPrefixes) || deckPrefixes < 0)
  throw new Error('--rating-deck: a number of prefixes');
const outFile = options.out ?? join(ROOT, 'bench/results', mode === 'full' ? 'latest.json' : 'quick.json');
const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

let serviceOutput = () => '';

async function main() {
  // What `npm run bench` has just built: the checkout as the run starts, not as it ends.
  const commit = gitCommit();
  installSignalHandlers();
  const watchdog = setTimeout(() => {
    console.error(`time limit of ${sizes.timeLimitMinutes} min reached`);
    process.kill(process.pid, 'SIGTERM');
  }, sizes.timeLimitMinutes * 60_000);
  watchdog.unref();

  sweepStaleRuns(log);
  const workDir = mkdtempSync(tempPrefix());
  writeFileSync(join(workDir, 'bench.pid'), String(process.pid));
  onTeardown(
    () => rm(workDir, { recursive: true, force: true }),
    () => rmSync(workDir, { recursive: true, force: true }),
  );

  const loadAtStart = loadavg();
  const now = new Date();
  const period = periodCode(utcMonthStart(now, -1));
  checkLineNumbers(sizes.apiCustomers + sizes.runCustomers);
  log(`${mode} run; data in ${workDir}; invoicing period ${period}`);

  const databasePort = await freePort();
  const restoreHugePages = reserveHugePages(SHARED_BUFFERS_BYTES, log);
  onTeardown(restoreHugePages, restoreHugePages);
  const database = await startDatabase(join(workDir, 'pg'), databasePort);
  onTeardown(() => database.stop());
  const pool = createPool(database.url, 4);
  onTeardown(() => pool.end());
  const postgresVersion = await serverVersion(pool);
  const hugePages = await hugePagesStatus(pool);
  log(`PostgreSQL ${postgresVersion} on port ${databasePort}, huge pages ${hugePages}`);

  const apiKey = `bench-${randomBytes(16).toString('hex')}`;
  const cpuProfileDir = options['cpu-prof'] ? join(ROOT, 'bench/results/profiles') : undefined;
  if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
  const catalogEnv = {};
  if (deckPrefixes > 0) {
    catalogEnv.BILLING_PLANS_FILE = writeRatingDeckCatalog(workDir, {
      prefixes: deckPrefixes,
      random: randomSource(16),
    });
    catalogEnv.DEFAULT_PLAN = 'bench-deck';
    log(`customers seeded through the API rate by a generated deck of ${deckPrefixes} prefixes`);
  }
  const startBenchService = async () => {
    const started = await startService({
      databaseUrl: database.url,
      port: await freePort(),
      apiKey,
      env: { ...catalogEnv, GLIBC_TUNABLES },
      cpuProfileDir,
      nodeOptions: options['service-node-options'].split(' ').filter(Boolean),
      entry: options['service-entry'],
    });
    writeFileSync(join(workDir, 'service.pid'), String(started.pid));
    serviceOutput = started.output;
    onTeardown(
      () => started.stop(),
      () => started.killNow(),
    );
    // Start-up has no reset before it: the high-water mark so far is its peak.
    const memory = processMemory(started.pid);
    return {
      started,
      rssMb: Math.round((memory?.VmHWM ?? 0) / 1024),
      rssAnonMb: Math.round((memory?.RssAnon ?? 0) / 1024),
    };
  };
  // The first start creates the schema in the empty database; the restart finds it migrated, as
  // every deploy, restart and added instance does. The phases run against the restarted service.
  const first = await startBenchService();
  log(
    `service healthy in ${Math.round(first.started.startupMs)} ms, migrations included (pid ${first.started.pid})`,
  );
  await first.started.stop();
  const restart = await startBenchService();
  const service = restart.started;
  log(`service restarted, healthy in ${Math.round(service.startupMs)} ms (pid ${service.pid})`);

  const postmasterPid = Number(readFileSync(join(workDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const monitor = new PhaseMonitor(service.pid, postmasterPid);
  const figures = {
    startup: { toHealthyMs: first.started.startupMs, restartToHealthyMs: service.startupMs },
    rssMb: { startup: Math.max(first.rssMb, restart.rssMb) },
    rssAnonMb: { startup: Math.max(first.rssAnonMb, restart.rssAnonMb) },
  };
  const ctx = {
    service,
    apiKey,
    pool,
    monitor,
    databaseUrl: database.url,
    now,
    random: randomSource(8),
    runTag: now.getTime().toString(36),
    workDir,
  };

  log(`seeding ${sizes.apiCustomers} customers through the API`);
  monitor.begin('seedApi');
  const seeded = await seedCustomersThroughApi(service, apiKey, { count: sizes.apiCustomers });
  monitor.end();
  ctx.customers = seeded.customers;
  figures.seedApi = { customers: sizes.apiCustomers, perSecond: seeded.perSecond, seconds: seeded.seconds };

  if (phases.has('batch')) {
    log(`phase 1: ${sizes.batchCalls} calls in batches of ${sizes.batchSize}, then COPY of the same rows`);
    figures.batch = await batchIngestion(ctx, {
      calls: sizes.batchCalls,
      batchSize: sizes.batchSize,
      concurrency: sizes.batchConcurrency,
    });
  }

  if (phases.has('cdr')) {
    log(
      `phase 1b: a ${sizes.cdrRows}-row Asterisk file streamed to POST /v1/cdr-files, then COPY of the same rows`,
    );
    figures.cdr = await cdrFileImport(ctx, { rows: sizes.cdrRows, workDir });
  }

  if (phases.has('single')) {
    log(`phase 2: single calls, ${sizes.singleConnections} connections, ${sizes.singleSeconds} s each side`);
    figures.single = await singleCalls(ctx, {
      connections: sizes.singleConnections,
      seconds: sizes.singleSeconds,
      warmupSeconds: sizes.warmupSeconds,
    });
  }

  if (phases.has('history') || phases.has('invoicing')) await seedBySql(ctx, figures, period);

  if (phases.has('history')) {
    log(`phase 3: call history, ${sizes.historyConnections} connections, ${sizes.historySeconds} s`);
    figures.history = await history(ctx, {
      connections: sizes.historyConnections,
      seconds: sizes.historySeconds,
      warmupSeconds: sizes.warmupSeconds,
    });
  }

  if (phases.has('invoicing')) {
    log(`phase 4: the monthly run for ${period}`);
    figures.invoicing = await monthlyRun(ctx, {
      period,
      customers: sizes.runCustomers,
      callsInPeriod: sizes.runCalls,
    });
  }
  Object.assign(figures.rssMb, monitor.rssMb);
  figures.rssAnonMb = { startup: figures.rssAnonMb.startup, ...monitor.anonMb };
  figures.cpuSeconds = monitor.cpuSeconds;
  figures.cpuMicrosPerUnit = cpuPerUnit(figures);

  const result = {
    schema: 1,
    mode,
    date: now.toISOString(),
    commit,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      kernel: release(),
      node: process.version,
      postgres: postgresVersion,
      postgresHugePages: hugePages,
      // Anything else running on the machine skews every figure: the 1-minute load average at start and end.
      loadAverage: { start: loadAtStart[0], end: loadavg()[0] },
    },
    settings: {
      postgres: SERVER_SETTINGS,
      service: {
        DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? 'default',
        INVOICING_BATCH_SIZE: process.env.INVOICING_BATCH_SIZE ?? 'default',
        LOG_LEVEL: 'warn',
        nodeOptions: options['service-node-options'],
        entry: options['service-entry'],
        GLIBC_TUNABLES,
      },
      sizes,
      ratingDeckPrefixes: deckPrefixes,
      rssHighWaterMarkReset: monitor.hwmResettable,
    },
    figures,
  };
  result.targets = evaluateTargets(figures);
  printReport(result);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  log(`figures written to ${relative(ROOT, outFile)}`);
}

/**
 * CPU microseconds per unit of work (call, request, row, invoice), service and PostgreSQL apart:
 * unlike rates and latencies, these barely move when something else runs on the machine.
 */
function cpuPerUnit(figures) {
  const units = {
    batch: figures.batch?.calls,
    'batch:copyPlain': figures.batch?.copyPlain.rows,
    'batch:copyIndexed': figures.batch?.copyIndexed.rows,
    cdr: figures.cdr?.rows,
    'cdr:copyIndexed': figures.cdr?.copyIndexed.rows,
    single: figures.single && figures.single.requestsPerSecond * figures.single.seconds,
    'single:bareInsert':
      figures.single && figures.single.bareInsert.rowsPerSecond * figures.single.bareInsert.seconds,
    history: figures.history && figures.history.requestsPerSecond * figures.history.seconds,
    invoicing: figures.invoicing?.customers,
  };
  const result = {};
  for (const [phase, count] of Object.entries(units)) {
    const cpu = figures.cpuSeconds[phase];
    if (!cpu || !count) continue;
    const micros = (seconds) => Math.round((seconds * 1e6) / count);
    result[phase] = { service: micros(cpu.service), postgres: micros(cpu.postgres) };
  }
  return result;
}

/** Customers and the bulk of the calls by SQL, for the history and the monthly run. */
async function seedBySql(ctx, figures, period) {
  const { pool, now } = ctx;
  log(
    `seeding by SQL: ${sizes.runCustomers} customers, ${sizes.historyCalls} calls over the 12 months before ` +
      `${period}, ${sizes.runCalls} calls in ${period}`,
  );
  const seedStarted = performance.now();
  const seedPools = [pool, createPool(ctx.databaseUrl, 1)];
  onTeardown(() => seedPools[1].end());
  await seedCustomersBySql(pool, {
    count: sizes.runCustomers,
    firstLine: sizes.apiCustomers,
    createdFrom: utcMonthStart(now, -24),
  });
  let historyRows;
  let periodRows;
  const indexes = await withoutCallsIndexes(pool, async () => {
    historyRows = await seedCallsBySql(seedPools, {
      prefix: 'h',
      total: sizes.historyCalls,
      from: utcMonthStart(now, -13),
      to: utcMonthStart(now, -1),
      customers: sizes.runCustomers,
    });
    periodRows = await seedCallsBySql(seedPools, {
      prefix: 'p',
      total: sizes.runCalls,
      from: utcMonthStart(now, -1),
      to: utcMonthStart(now, 0),
      customers: sizes.runCustomers,
    });
  });
  await checkSeededCalls(pool, sizes.historyCalls + sizes.runCalls);
  await settle(pool, ['customers', 'phone_numbers', 'calls', 'bench_customer_index']);
  figures.seedSql = {
    customers: sizes.runCustomers,
    calls: sizes.historyCalls + sizes.runCalls,
    callsPerSecond: (historyRows.rows + periodRows.rows) / (historyRows.seconds + periodRows.seconds),
    seconds: (performance.now() - seedStarted) / 1000,
    indexesRebuilt: indexes.rebuilt,
    indexRebuildSeconds: indexes.rebuildSeconds ?? null,
  };
  log(`seeded in ${Math.round(figures.seedSql.seconds)} s`);
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'package.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return { sha, srcDirty: dirty.length > 0 };
  } catch {
    return { sha: 'unknown', srcDirty: null };
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
  const output = serviceOutput().trim();
  if (output) console.error(`service output (last lines):\n${output.split('\n').slice(-30).join('\n')}`);
} finally {
  await teardown();
  closeHttpAgent();
}
// Say the code explicitly: open handles (the HTTP agent's sockets) must not keep the run alive.
process.exit(exitCode);
