/** A not-answered switch record, kept so the reconciliation counts it from stored rows. */
export interface NotBillableRecord {
  callId: string;
  startedAt: Date;
  seconds: number;
  cdrFileId: string;
  line: number;
}

/** `stored`: new; `duplicate`: stored before with the same content; `conflict`: with other content. */
export type NotBillableOutcome = 'stored' | 'duplicate' | 'conflict';

/** Port: the not-billable records, once per callId. */
export abstract class NotBillableRecords {
  abstract store(records: NotBillableRecord[]): Promise<Map<string, NotBillableOutcome>>;
  /** Hands a discarded import's records to the import of the same file that completed first. */
  abstract moveToFile(fromFileId: string, toFileId: string): Promise<void>;
}
