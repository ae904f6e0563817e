import type { AuditEntry } from '../domain/audit-entry';

export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditDetails,
  type AuditEntry,
  isAuditAction,
} from '../domain/audit-entry';

/**
 * Port: the audit trail, for every module that changes something. Call it inside the unit of work
 * of the change it records, so that the event commits or rolls back with it: a refused or
 * rolled-back change leaves no event, a committed one always has its event. Outside a unit of work
 * it refuses (`AuditOutsideUnitOfWorkError`), since the event could then outlive a failed change.
 * The actor and request id come from the request context (`RequestContext`); scheduled work is the
 * system with no request id.
 */
export abstract class AuditTrail {
  /** Records one event. */
  abstract record(entry: AuditEntry): Promise<void>;

  /** Records many events in one statement (a monthly run's invoices). */
  abstract recordAll(entries: AuditEntry[]): Promise<void>;
}
