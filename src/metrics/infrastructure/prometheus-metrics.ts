import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CALL_OUTCOMES, CALL_SOURCES } from '../../shared/metrics/call-ingestion.metrics';
import { DELIVERY_ATTEMPT_STATUSES } from '../../shared/metrics/delivery.metrics';
import { INVOICING_RUN_TRIGGERS } from '../../shared/metrics/invoicing-run.metrics';
import { CHANNELS_OF_KIND } from '../../invoice-delivery';
import { DatabasePool, type DatabasePoolState } from '../application/database-pool.port';
import { SuspendedCallCount } from '../application/suspended-call-count.port';
import {
  CALLS,
  DELIVERIES,
  HTTP_REQUEST_DURATION,
  INVOICES_ISSUED,
  INVOICING_RUN_DURATION,
  POOL_CONNECTIONS,
  POOL_IDLE_CONNECTIONS,
  POOL_MAX_CONNECTIONS,
  POOL_WAITING_REQUESTS,
  SUSPENDED_CALLS,
  type SeriesDefinition,
} from '../domain/series';

/**
 * The application's Prometheus series, in a registry of its own (an application instance each, so
 * tests can run several in one process), served together with the process-wide Node.js defaults.
 * Every label value a dashboard groups by is declared at zero from the start, so a series never
 * appears out of nothing and `rate()` never misses its first increment.
 */
@Injectable()
export class PrometheusMetrics {
  /** What GET /metrics serves: the Node.js and process defaults, then this application's series. */
  readonly registry: Registry;
  readonly calls: Counter<'source' | 'outcome'>;
  readonly invoicesIssued: Counter;
  readonly invoicingRunDuration: Histogram<'trigger'>;
  readonly deliveries: Counter<'channel' | 'kind' | 'status'>;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(suspended: SuspendedCallCount, pool: DatabasePool) {
    const own = new Registry();
    const registers = [own];
    this.calls = new Counter({ ...CALLS, labelNames: [...CALLS.labelNames], registers });
    for (const source of CALL_SOURCES)
      for (const outcome of CALL_OUTCOMES) this.calls.inc({ source, outcome }, 0);
    this.invoicesIssued = new Counter({ ...INVOICES_ISSUED, labelNames: [], registers });
    this.invoicingRunDuration = new Histogram({
      ...INVOICING_RUN_DURATION,
      labelNames: [...INVOICING_RUN_DURATION.labelNames],
      buckets: [...INVOICING_RUN_DURATION.buckets],
      registers,
    });
    for (const trigger of INVOICING_RUN_TRIGGERS) this.invoicingRunDuration.zero({ trigger });
    this.deliveries = new Counter({ ...DELIVERIES, labelNames: [...DELIVERIES.labelNames], registers });
    for (const [kind, channels] of Object.entries(CHANNELS_OF_KIND))
      for (const channel of channels)
        for (const status of DELIVERY_ATTEMPT_STATUSES) this.deliveries.inc({ channel, kind, status }, 0);
    this.httpRequestDuration = new Histogram({
      ...HTTP_REQUEST_DURATION,
      labelNames: [...HTTP_REQUEST_DURATION.labelNames],
      buckets: [...HTTP_REQUEST_DURATION.buckets],
      registers,
    });
    collectedGauge(own, SUSPENDED_CALLS, () => suspended.count());
    const poolGauge = (definition: SeriesDefinition<never>, read: (state: DatabasePoolState) => number) =>
      collectedGauge(own, definition, async () => read(await pool.state()));
    poolGauge(POOL_CONNECTIONS, (state) => state.connections);
    poolGauge(POOL_IDLE_CONNECTIONS, (state) => state.idleConnections);
    poolGauge(POOL_WAITING_REQUESTS, (state) => state.waitingRequests);
    poolGauge(POOL_MAX_CONNECTIONS, (state) => state.maxConnections);
    this.registry = Registry.merge([processMetrics(), own]);
  }
}

/** A gauge read when scraped; NaN (a gap in the graph) when reading it fails, not a failed scrape. */
function collectedGauge(
  registry: Registry,
  definition: SeriesDefinition<never>,
  read: () => Promise<number>,
) {
  return new Gauge({
    name: definition.name,
    help: definition.help,
    registers: [registry],
    async collect() {
      this.set(await read().catch(() => Number.NaN));
    },
  });
}

let processRegistry: Registry | undefined;

/**
 * prom-client's Node.js and process defaults (CPU, memory, heap, event-loop lag, GC, handles),
 * collected once per process: its collectors install process-wide observers.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
