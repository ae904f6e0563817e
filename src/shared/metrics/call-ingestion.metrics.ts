/** Where call records come from: the API (single calls and batches) or a switch's CDR file. */
export const CALL_SOURCES = ['api', 'cdr-file'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/** How a call record was judged; every record gets exactly one. */
export const CALL_OUTCOMES = ['recorded', 'duplicate', 'rejected', 'suspended', 'not_billable'] as const;
export type CallOutcomeLabel = (typeof CALL_OUTCOMES)[number];

export type CallOutcomeCounts = Partial<Record<CallOutcomeLabel, number>>;

/**
 * Port: counts judged call records. Called once per batch, coalesced group of single calls or
 * file, never per record, so counting costs the hot path one call whatever the batch size.
 */
export abstract class CallIngestionMetrics {
  abstract judged(source: CallSource, counts: CallOutcomeCounts): void;
}
