/**
 * Every series this service exports besides prom-client's Node.js and process defaults: names,
 * help, label names and buckets, by Prometheus' naming conventions (base units, `_total` for
 * counters, bounded label values). README "Operations" documents each one; the Grafana dashboard
 * test checks its queries against these names.
 */
export interface SeriesDefinition<L extends string = string> {
  name: string;
  help: string;
  labelNames: readonly L[];
}

export interface HistogramDefinition<L extends string = string> extends SeriesDefinition<L> {
  /** Upper bounds in seconds. */
  buckets: readonly number[];
}

export const CALLS: SeriesDefinition<'source' | 'outcome'> = {
  name: 'phone_billing_calls_total',
  help: 'Call records judged, by where they came from (api, cdr-file) and outcome (recorded, duplicate, rejected, suspended, not_billable).',
  labelNames: ['source', 'outcome'],
};

export const SUSPENDED_CALLS: SeriesDefinition<never> = {
  name: 'phone_billing_suspended_calls',
  help: 'Call records held in suspense now, waiting for an owner or a rate (read at scrape time).',
  labelNames: [],
};

export const INVOICES_ISSUED: SeriesDefinition<never> = {
  name: 'phone_billing_invoices_issued_total',
  help: 'Invoices issued, by the monthly run or on demand.',
  labelNames: [],
};

export const INVOICING_RUN_DURATION: HistogramDefinition<'trigger'> = {
  name: 'phone_billing_invoicing_run_duration_seconds',
  help: 'How long finished monthly invoicing runs took, by what started them (scheduler, catch-up, api).',
  labelNames: ['trigger'],
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
};

export const DELIVERIES: SeriesDefinition<'channel' | 'kind' | 'status'> = {
  name: 'phone_billing_deliveries_total',
  help: 'Delivery attempts, by channel (email, webhook), kind (invoice, balance.low) and status (delivered, retried, failed: given up).',
  labelNames: ['channel', 'kind', 'status'],
};

export const HTTP_REQUEST_DURATION: HistogramDefinition<'method' | 'route' | 'status_code'> = {
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route template (never the raw path) and status code, and how long they took.',
  labelNames: ['method', 'route', 'status_code'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
};

export const POOL_CONNECTIONS: SeriesDefinition<never> = {
  name: 'phone_billing_database_pool_connections',
  help: 'Open connections of the PostgreSQL pool, busy or idle (read at scrape time).',
  labelNames: [],
};

export const POOL_IDLE_CONNECTIONS: SeriesDefinition<never> = {
  name: 'phone_billing_database_pool_idle_connections',
  help: 'Open connections of the PostgreSQL pool that are idle (read at scrape time).',
  labelNames: [],
};

export const POOL_WAITING_REQUESTS: SeriesDefinition<never> = {
  name: 'phone_billing_database_pool_waiting_requests',
  help: 'Queries waiting for a connection because every connection of the pool is busy (read at scrape time).',
  labelNames: [],
};

export const POOL_MAX_CONNECTIONS: SeriesDefinition<never> = {
  name: 'phone_billing_database_pool_max_connections',
  help: 'The most connections the PostgreSQL pool opens (DATABASE_POOL_SIZE).',
  labelNames: [],
};
