import type {
  CallIngestionMetrics,
  CallOutcomeCounts,
  CallSource,
} from '../../src/shared/metrics/call-ingestion.metrics';
import type { InvoiceMetrics } from '../../src/shared/metrics/invoice.metrics';
import type {
  InvoicingRunMetrics,
  InvoicingRunTrigger,
} from '../../src/shared/metrics/invoicing-run.metrics';

/** What the use cases counted, kept in memory: the metrics ports without a Prometheus registry. */
export class CountingMetrics implements CallIngestionMetrics, InvoiceMetrics, InvoicingRunMetrics {
  readonly callOutcomes: { source: CallSource; counts: CallOutcomeCounts }[] = [];
  invoicesIssued = 0;
  readonly runs: InvoicingRunTrigger[] = [];

  judged(source: CallSource, counts: CallOutcomeCounts): void {
    this.callOutcomes.push({ source, counts });
  }

  issued(count: number): void {
    this.invoicesIssued += count;
  }

  timed<T>(trigger: InvoicingRunTrigger, run: () => Promise<T>): Promise<T> {
    this.runs.push(trigger);
    return run();
  }
}
