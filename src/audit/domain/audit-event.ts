import type { Actor } from '../../shared/domain/actor';
import type { AuditAction, AuditDetails } from '../../shared/domain/audit-entry';

export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditDetails,
  type AuditEntry,
  isAuditAction,
} from '../../shared/domain/audit-entry';

/** One stored event, as the API shows it. */
export interface AuditEvent {
  id: string;
  at: Date;
  actor: Actor;
  action: AuditAction;
  target: { type: string; id: string };
  customerId: string | null;
  requestId: string | null;
  details: AuditDetails;
}
