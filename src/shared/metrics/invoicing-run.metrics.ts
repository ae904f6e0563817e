/** How a monthly run was started: the cron, the catch-up run at start, or POST /v1/invoicing/runs. */
export const INVOICING_RUN_TRIGGERS = ['scheduler', 'catch-up', 'api'] as const;
export type InvoicingRunTrigger = (typeof INVOICING_RUN_TRIGGERS)[number];

/** Port: times monthly runs. */
export abstract class InvoicingRunMetrics {
  /** Runs `run` and records how long it took when it finishes (a run that throws is not recorded). */
  abstract timed<T>(trigger: InvoicingRunTrigger, run: () => Promise<T>): Promise<T>;
}
