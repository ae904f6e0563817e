import type { AuditAction, AuditEvent } from '../domain/audit-event';

export interface AuditEventFilter {
  action: AuditAction | null;
  customerId: string | null;
  limit: number;
  /** The (at, id) of the last event of the previous page: the next page holds older ones. */
  after: { at: string; id: string } | null;
}

/** Port: the append-only store of audit events. */
export abstract class AuditEventRepository {
  /** Appends the events in one statement; must run inside the current unit of work. */
  abstract append(events: AuditEvent[]): Promise<void>;

  /** At most `limit` events, newest first (at, then id, descending), after the cursor's. */
  abstract list(filter: AuditEventFilter): Promise<AuditEvent[]>;
}
