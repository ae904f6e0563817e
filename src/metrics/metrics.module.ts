import { Global, Module } from '@nestjs/common';
import { CallIngestionMetrics } from '../shared/metrics/call-ingestion.metrics';
import { DeliveryMetrics } from '../shared/metrics/delivery.metrics';
import { InvoiceMetrics } from '../shared/metrics/invoice.metrics';
import { InvoicingRunMetrics } from '../shared/metrics/invoicing-run.metrics';
import { DatabasePool } from './application/database-pool.port';
import { MetricsController } from './http/metrics.controller';
import { MikroOrmDatabasePool } from './infrastructure/mikro-orm-database-pool';
import { PrometheusCounters } from './infrastructure/prometheus-counters.adapter';
import { PrometheusMetrics } from './infrastructure/prometheus-metrics';

/**
 * Prometheus metrics: the series (`PrometheusMetrics`), GET /metrics, and the counting ports the
 * other modules call (declared in `shared/metrics/`), provided to every module.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    PrometheusMetrics,
    PrometheusCounters,
    { provide: CallIngestionMetrics, useExisting: PrometheusCounters },
    { provide: InvoiceMetrics, useExisting: PrometheusCounters },
    { provide: InvoicingRunMetrics, useExisting: PrometheusCounters },
    { provide: DeliveryMetrics, useExisting: PrometheusCounters },
    // Read at scrape time (SuspendedCallCount: the suspense module's, global)
    { provide: DatabasePool, useClass: MikroOrmDatabasePool },
  ],
  exports: [CallIngestionMetrics, InvoiceMetrics, InvoicingRunMetrics, DeliveryMetrics, PrometheusMetrics],
})
export class MetricsModule {}
