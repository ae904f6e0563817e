/** Port: counts issued invoices, once per issuing transaction (a run's batch or an issue on demand). */
export abstract class InvoiceMetrics {
  abstract issued(count: number): void;
}
