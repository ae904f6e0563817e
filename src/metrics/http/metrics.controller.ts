import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OperatorOrMetricsToken } from '../../auth';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { PrometheusMetrics } from '../infrastructure/prometheus-metrics';

/** prom-client's content type for the text exposition format. */
const TEXT_FORMAT = 'text/plain';

const EXAMPLE = [
  '# HELP phone_billing_calls_total Call records judged, by where they came from (api, cdr-file) and outcome (recorded, duplicate, rejected, suspended, not_billable).',
  '# TYPE phone_billing_calls_total counter',
  'phone_billing_calls_total{source="api",outcome="recorded"} 1842',
  'phone_billing_calls_total{source="api",outcome="duplicate"} 3',
  '# HELP phone_billing_invoices_issued_total Invoices issued, by the monthly run or on demand.',
  '# TYPE phone_billing_invoices_issued_total counter',
  'phone_billing_invoices_issued_total 1200',
  '',
].join('\n');

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PrometheusMetrics) {}

  @Get()
  @OperatorOrMetricsToken()
  @ApiOperation({
    summary: 'Prometheus metrics (operator key or METRICS_TOKEN)',
    description:
      "For the operator's Prometheus server: every series in the Prometheus text exposition format 0.0.4 " +
      '(calls by source and outcome, calls in suspense, invoices issued, invoicing runs, deliveries, HTTP ' +
      'latency by route template, the database pool, and the Node.js process). The README lists each series, ' +
      'its labels and their values.',
  })
  @ApiProduces(TEXT_FORMAT)
  @ApiOkResponse({
    description: 'The metrics, as `text/plain; version=0.0.4; charset=utf-8`',
    content: {
      [TEXT_FORMAT]: {
        schema: { type: 'string', maxLength: 10_000_000, 'x-free-text': true } as object,
        example: EXAMPLE,
      },
    },
  })
  async scrape(@NoQuery() _query: void, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.registry.metrics();
    void reply.header('Content-Type', this.metrics.registry.contentType);
    return text;
  }
}
