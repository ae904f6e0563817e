import { AuditEventFilter, AuditEventRepository } from '../application/audit-event.repository';
import type { AuditEvent } from '../domain/audit-event';

/** Audit events in memory, for use-case tests; the contract suite keeps it honest. */
export class InMemoryAuditEventRepository extends AuditEventRepository {
  private readonly events: AuditEvent[] = [];

  /** Everything appended, in order. */
  get all(): readonly AuditEvent[] {
    return this.events;
  }

  append(events: AuditEvent[]): Promise<void> {
    this.events.push(...events.map((event) => structuredClone(event)));
    return Promise.resolve();
  }

  list(filter: AuditEventFilter): Promise<AuditEvent[]> {
    const key = (event: AuditEvent) => `${event.at.toISOString()}|${event.id}`;
    const after = filter.after && `${new Date(filter.after.at).toISOString()}|${filter.after.id}`;
    return Promise.resolve(
      this.events
        .filter((event) => filter.action === null || event.action === filter.action)
        .filter((event) => filter.customerId === null || event.customerId === filter.customerId)
        .filter((event) => after === null || key(event) < after)
        .sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0))
        .slice(0, filter.limit)
        .map((event) => structuredClone(event)),
    );
  }
}
