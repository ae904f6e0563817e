import type { NoRateForDestinationError } from '../../billing-plans';
import type { DomainError } from '../../shared/domain/domain-error';
import type { CallRecord } from '../domain/call-record';
import type { SuspenseReason } from './call-suspense.port';

/** A record that cannot be charged yet, and why: to be held in suspense. */
export interface UnchargeableCall {
  index: number;
  record: CallRecord;
  reason: SuspenseReason;
  /** The refusal the API answers (422), with the held call's id added. */
  error: DomainError;
}

/**
 * What becomes of a call its plan has no price for (the one place that decides it): held in
 * suspense with reason `no-rate` (API.md, "Suspense"), answered with the `no-rate-for-destination`
 * problem (422) and the held call's id; recorded once the catalog prices it (a restart with a new
 * catalog retries `no-rate` calls) or on demand. Single, batch and file records alike.
 */
export function unpricedCall(
  index: number,
  record: CallRecord,
  error: NoRateForDestinationError,
): UnchargeableCall {
  return { index, record, reason: 'no-rate', error };
}
