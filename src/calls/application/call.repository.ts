import type { Call } from '../domain/call';

/** A rated call on its way to storage, with what the store must do beyond inserting it. */
export interface PendingCall {
  call: Call;
  /** Prepaid: draw the charge from the customer's balance, atomically with the insert. */
  drawsFromBalance: boolean;
  /** Its period may already be closed, so it may already be invoiced: check, under the period lock. */
  mayBeInvoiced: boolean;
}

export interface StoredOutcome {
  /** false: a call with this callId was already stored (returned as `call`), nothing was written. */
  inserted: boolean;
  call: Call;
}

/** Port: the call store. Writes are set-wise, and a callId is stored at most once, whatever the races. */
export abstract class CallRepository {
  /** Stores the calls whose callId is new; for the others returns the stored call. Keyed by callId. */
  abstract record(pending: PendingCall[]): Promise<Map<string, StoredOutcome>>;
}
