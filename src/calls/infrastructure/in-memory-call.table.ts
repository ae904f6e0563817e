import type { Call } from '../domain/call';

/** A stored call, with what invoicing marks on it. */
export interface CallRecordRow {
  call: Call;
  late: boolean;
  lateInvoiceId: string | null;
}

/** The calls table in memory, shared by the in-memory call adapters (as they share `calls`). */
export class InMemoryCallTable {
  /** By id. */
  readonly rows = new Map<string, CallRecordRow>();
  /** callId → id: a callId is stored once. */
  readonly byCallId = new Map<string, string>();

  /** The customer's stored rows (live: the adapters mark them). */
  callsOf(customerId: string): CallRecordRow[] {
    return [...this.rows.values()].filter((row) => row.call.customerId === customerId);
  }
}
