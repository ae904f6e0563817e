import type { Money } from '../../shared/domain/money';
import type { Call } from '../domain/call';

export interface StoredOutcome {
  /** false: a call with this callId was already stored (returned as `call`), nothing was written. */
  inserted: boolean;
  call: Call;
}

/** Port: the call store. Writes are set-wise, and a callId is stored at most once, whatever the races. */
export abstract class CallRepository {
  /**
   * Stores the calls whose callId is new, in the order given (callers sort them, so concurrent
   * batches cannot deadlock); for the others returns the stored call. Keyed by callId.
   */
  abstract record(calls: Call[]): Promise<Map<string, StoredOutcome>>;
  /** The stored calls among these callIds, by callId. */
  abstract findByCallIds(callIds: string[]): Promise<Map<string, Call>>;
  /** Stores what a prepaid balance covered of each call, by the call's id. */
  abstract setCoveredByBalance(covered: ReadonlyMap<string, Money>): Promise<void>;
  /** Marks these calls (by id) late: their period was already invoiced when they arrived. */
  abstract markLate(callIds: string[]): Promise<void>;
}
