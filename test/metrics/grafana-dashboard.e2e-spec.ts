import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePrometheusText, seriesNamesOf } from '../support/prometheus-text';
import { expressionsIn, metricNamesIn } from '../support/promql';
import { startTestApp, type TestApp } from '../support/test-app';

const dashboard = () =>
  JSON.parse(readFileSync(join(__dirname, '../../docs/grafana-dashboard.json'), 'utf8')) as {
    title: string;
    panels: { title: string; type: string }[];
  };

describe('The Grafana dashboard (docs/grafana-dashboard.json)', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service.close());

  it('reads metric names out of PromQL, misspelt ones included', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!~"/docs.*"}[5m])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(
      metricNamesIn('sum(rate(phone_billing_callz_total[$__rate_interval])) / ignoring(x) up offset 1h'),
    ).toEqual(['phone_billing_callz_total', 'up']);
  });

  it('is a dashboard whose every query names only series the service exports', async () => {
    const scraped = await service.http().get('/metrics').expect(200);
    const exported = seriesNamesOf(parsePrometheusText(scraped.text));
    const { title, panels } = dashboard();
    expect(title).toBe('phone-billing');
    expect(panels.filter((panel) => panel.type !== 'row').length).toBeGreaterThanOrEqual(10);
    const expressions = expressionsIn(panels);
    for (const expression of expressions)
      for (const name of metricNamesIn(expression))
        expect({ expression, name, exported: exported.has(name) }).toEqual({
          expression,
          name,
          exported: true,
        });
    const used = new Set(expressions.flatMap(metricNamesIn));
    for (const series of [
      'phone_billing_calls_total',
      'phone_billing_suspended_calls',
      'phone_billing_invoices_issued_total',
      'phone_billing_invoicing_run_duration_seconds_count',
      'phone_billing_invoicing_run_duration_seconds_bucket',
      'phone_billing_deliveries_total',
      'http_request_duration_seconds_bucket',
      'phone_billing_database_pool_connections',
      'phone_billing_database_pool_waiting_requests',
    ])
      expect({ series, graphed: used.has(series) }).toEqual({ series, graphed: true });
  });
});
