import type { BillingPeriod } from '../../shared/domain/billing-period';

/**
 * A customer is invoiced for a closed period when it existed before the period ended, or has calls
 * in it (records migrated from an older system).
 */
export function isDueAnInvoice(
  customerCreatedAt: Date,
  period: BillingPeriod,
  hasCallsInPeriod: boolean,
): boolean {
  return customerCreatedAt.getTime() < period.end.getTime() || hasCallsInPeriod;
}
