/**
 * Port: the invoicing lock of a billing period, per slice of customers. A call for a period that
 * may be closing takes it shared; issuing invoices (and repairing stored periods) takes it
 * exclusively. So a late call either lands before an invoice reads the period's calls, or sees the
 * invoice and is marked late: never neither. Locks are held until the current unit of work ends,
 * so they are taken inside `UnitOfWork.transactional`.
 *
 * The lock is per period and slice of customers (a fixed function of the customer id), so that
 * issues for customers of different slices do not wait on each other and the monthly run can
 * issue on several connections at once. Every instance must use the same slicing: changing
 * PERIOD_LOCK_SLICES needs all instances stopped. Locks are taken in (period, slice) order.
 */
export abstract class PeriodLocks {
  abstract lockShared(keys: PeriodLockKey[]): Promise<void>;
  abstract lockExclusive(keys: PeriodLockKey[]): Promise<void>;
}

// 24 divides evenly between 2, 3, 4, 6 or 8 concurrent issuers (the run's lanes).
export const PERIOD_LOCK_SLICES = 24;

export interface PeriodLockKey {
  period: string;
  customerId: string;
}

/** The customer's slice: its id's last 16 bits, random in both v4 and v7 UUIDs. */
export function periodLockSliceOf(customerId: string): number {
  return Number.parseInt(customerId.slice(-4), 16) % PERIOD_LOCK_SLICES;
}

/** The distinct (period, slice) locks some keys need. */
export function periodLocksOf(keys: PeriodLockKey[]): { period: string; slice: number }[] {
  const distinct = new Map<string, { period: string; slice: number }>();
  for (const { period, customerId } of keys) {
    const slice = periodLockSliceOf(customerId);
    distinct.set(`${period}/${slice}`, { period, slice });
  }
  return [...distinct.values()];
}
