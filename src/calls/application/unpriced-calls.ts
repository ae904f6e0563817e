import type { NoRateForDestinationError } from '../../billing-plans';
import type { CallRecord } from '../domain/call-record';

/** What becomes of a call its plan has no price for (the one place that decides it). */
export type UnpricedCallOutcome = { status: 'rejected'; error: NoRateForDestinationError; callId: string };

/**
 * A call whose destination matches no prefix of a deck without a default rate: rejected with the
 * `no-rate-for-destination` problem (422), nothing stored, as issue #16 says until the suspense of
 * #17 holds such calls instead (API.md, "Suspense": reason `no-rate`). Single and batch posts alike.
 */
export function unpricedCall(record: CallRecord, error: NoRateForDestinationError): UnpricedCallOutcome {
  return { status: 'rejected', error, callId: record.callId };
}
