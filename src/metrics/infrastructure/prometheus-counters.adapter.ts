import { Injectable } from '@nestjs/common';
import {
  CALL_OUTCOMES,
  CallIngestionMetrics,
  type CallOutcomeCounts,
  type CallSource,
} from '../../shared/metrics/call-ingestion.metrics';
import { DeliveryMetrics, type DeliveryAttemptStatus } from '../../shared/metrics/delivery.metrics';
import { InvoiceMetrics } from '../../shared/metrics/invoice.metrics';
import { InvoicingRunMetrics, type InvoicingRunTrigger } from '../../shared/metrics/invoicing-run.metrics';
import { PrometheusMetrics } from './prometheus-metrics';

/** The counting ports of the other modules, as Prometheus series: one increment per call of a port. */
@Injectable()
export class PrometheusCounters
  implements CallIngestionMetrics, InvoiceMetrics, InvoicingRunMetrics, DeliveryMetrics
{
  constructor(private readonly metrics: PrometheusMetrics) {}

  judged(source: CallSource, counts: CallOutcomeCounts): void {
    for (const outcome of CALL_OUTCOMES) {
      const count = counts[outcome];
      if (count) this.metrics.calls.inc({ source, outcome }, count);
    }
  }

  issued(count: number): void {
    if (count > 0) this.metrics.invoicesIssued.inc(count);
  }

  async timed<T>(trigger: InvoicingRunTrigger, run: () => Promise<T>): Promise<T> {
    const finished = this.metrics.invoicingRunDuration.startTimer({ trigger });
    const result = await run();
    finished();
    return result;
  }

  attempted(channel: string, kind: string, status: DeliveryAttemptStatus): void {
    this.metrics.deliveries.inc({ channel, kind, status });
  }
}
