/**
 * Micro-benchmark of what the metrics add to the hot paths, apart from the machine's noise (the
 * service benchmark's CPU per unit moves by 10-20% between runs on a busy machine). Not a test
 * (Jest does not run it); run it on a quiet machine:
 *
 *   node_modules/.bin/node --expose-gc --import tsx test/metrics/metrics.micro-bench.ts
 *
 * 1. ns per HTTP histogram observation (one per request), with the label sets a busy service has;
 * 2. ns per call-outcome tally and counter update (one per batch or coalesced group);
 * 3. the CPU that prom-client's default collectors (GC observer, event-loop monitor) add to an
 *    allocation-heavy loop like rendering a history page, compared with the same loop without them;
 * 4. us per request of a Fastify route answering a 15 KB page through `inject`, with and without the
 *    onResponse hook that observes it, alternating between the two so that both see the same load.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { HTTP_REQUEST_DURATION } from '../../src/metrics/domain/series';
import { observeHttpRequests } from '../../src/metrics/infrastructure/http-request.metrics';
import { PrometheusCounters } from '../../src/metrics/infrastructure/prometheus-counters.adapter';
import { PrometheusMetrics } from '../../src/metrics/infrastructure/prometheus-metrics';

const RUNS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function nsPerOp(operations: number, work: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / operations);
  }
  return median(samples);
}

function httpObservations(): number {
  const histogram = new Histogram({
    ...HTTP_REQUEST_DURATION,
    labelNames: [...HTTP_REQUEST_DURATION.labelNames],
    buckets: [...HTTP_REQUEST_DURATION.buckets],
    registers: [new Registry()],
  });
  const routes = [
    '/v1/calls',
    '/v1/calls/batch',
    '/v1/customers/:customerId/calls',
    '/v1/plans',
    'unmatched',
  ];
  const statuses = ['200', '201', '400', '404', '409'];
  const n = 1_000_000;
  return nsPerOp(n, () => {
    for (let i = 0; i < n; i++)
      histogram.observe(
        {
          method: i % 3 ? 'POST' : 'GET',
          route: routes[i % 5],
          status_code: statuses[i % 7 === 0 ? 2 : i % 2],
        },
        (i % 100) / 1000,
      );
  });
}

function batchTallies(): number {
  const counters = new PrometheusCounters(aMetrics());
  const outcomes = Array.from({ length: 1_000 }, (_, i) => ({ status: i % 50 ? 'created' : 'duplicate' }));
  const n = 10_000;
  return nsPerOp(n, () => {
    for (let i = 0; i < n; i++) {
      const counts = { recorded: 0, duplicate: 0, rejected: 0 };
      for (const { status } of outcomes)
        counts[status === 'created' ? 'recorded' : (status as 'duplicate')] += 1;
      counters.judged('api', counts);
    }
  });
}

/** CPU microseconds of a loop that builds and serialises ~15 KB pages, as the history path does. */
function renderLoopCpuUs(): number {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: `0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a${String(i).padStart(2, '0')}`,
    callId: `sw1-${i}`,
    phoneNumber: '+351912345678',
    destination: '+14155550100',
    startedAt: '2026-10-05T14:03:00.000Z',
    minutes: 3,
    charge: { amount: '0.06', currency: 'USD' },
  }));
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    global.gc?.();
    const start = process.cpuUsage();
    let bytes = 0;
    for (let i = 0; i < 20_000; i++)
      bytes += JSON.stringify({ data: rows.map((row) => ({ ...row, n: i })) }).length;
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 20_000);
    if (bytes === 0) throw new Error('unreachable');
  }
  return median(samples);
}

function aPage() {
  return {
    data: Array.from({ length: 50 }, (_, i) => ({
      callId: `sw1-${i}`,
      startedAt: '2026-10-05T14:03:00.000Z',
      minutes: i,
    })),
  };
}

async function anApp(observed: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  if (observed) observeHttpRequests(app, aMetrics());
  app.get('/v1/customers/:customerId/calls', () => aPage());
  await app.ready();
  return app;
}

function aMetrics(): PrometheusMetrics {
  return new PrometheusMetrics(
    { count: () => Promise.resolve(0) },
    { state: () => Promise.reject(new Error('none')) },
  );
}

/**
 * Median us per request of each app, in rounds that alternate which app goes first (A B, B A, ...):
 * whichever runs second in a round pays for the garbage the first one left.
 */
async function injectedRequests(): Promise<[number, number]> {
  const apps = [await anApp(false), await anApp(true)];
  const samples: number[][] = [[], []];
  const n = 5_000;
  for (let round = 0; round < RUNS * 2; round++) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = process.cpuUsage();
      for (let i = 0; i < n; i++)
        await apps[index].inject({ method: 'GET', url: `/v1/customers/${i}/calls` });
      const used = process.cpuUsage(start);
      samples[index].push((used.user + used.system) / n);
    }
  }
  await Promise.all(apps.map((app) => app.close()));
  return [median(samples[0]), median(samples[1])];
}

async function main(): Promise<void> {
  const observe = httpObservations();
  const tally = batchTallies();
  const [bare, observed] = await injectedRequests();
  const without = renderLoopCpuUs();
  collectDefaultMetrics({ register: new Registry() });
  const withDefaults = renderLoopCpuUs();
  console.log(`HTTP histogram observation: ${observe.toFixed(0)} ns per request`);
  console.log(
    `Fastify route through inject: ${bare.toFixed(1)} us per request bare, ${observed.toFixed(1)} us observed`,
  );
  console.log(`call outcome tally + counters, batch of 1,000: ${(tally / 1000).toFixed(1)} us per batch`);
  console.log(
    `page render loop: ${without.toFixed(1)} us without the default collectors, ${withDefaults.toFixed(1)} us with them`,
  );
}

void main();
