import type { CallView } from './call-history.read-model';

/**
 * Which calls one invoice billed: its customer's calls that started in its period and were on time
 * (not `late`), plus the late calls of earlier periods it claimed (`lateInvoiceId`).
 */
export interface InvoiceCallsScope {
  invoiceId: string;
  customerId: string;
  /** The invoice's period as instants: [periodStart, periodEnd). */
  periodStart: Date;
  periodEnd: Date;
}

/** A billed call as the API shows it, and whether it reached this invoice late (from an earlier period). */
export interface InvoiceCallView extends CallView {
  late: boolean;
}

/** Keyset position: strictly after this (startedAt, id). */
export interface InvoiceCallsAfter {
  startedAt: Date;
  id: string;
}

/** How many calls an invoice billed, and from which lines. */
export interface InvoiceCallsSummary {
  calls: number;
  /** The lines (E.164) that made them, sorted. */
  phoneNumbers: string[];
}

/** Port: the read side of "the calls an invoice billed", oldest startedAt first, then id. */
export abstract class InvoiceCalls {
  abstract page(
    scope: InvoiceCallsScope,
    after: InvoiceCallsAfter | null,
    limit: number,
  ): Promise<InvoiceCallView[]>;
  abstract summary(scope: InvoiceCallsScope): Promise<InvoiceCallsSummary>;
}
