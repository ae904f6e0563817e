import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import { RequestContext } from '../../shared/request-context/request-context';
import type { AuditEntry, AuditEvent } from '../domain/audit-event';
import { AuditEventRepository } from './audit-event.repository';
import { AuditTrail } from '../../shared/audit/audit-trail';

/** The audit trail: stamps each entry with an id, the clock's time and the request's scope. */
@Injectable()
export class ContextualAuditTrail extends AuditTrail {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  record(entry: AuditEntry): Promise<void> {
    return this.recordAll([entry]);
  }

  async recordAll(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { requestId, actor } = RequestContext.current();
    const at = this.clock.now();
    const events: AuditEvent[] = entries.map((entry) => ({
      id: randomUUID(),
      at,
      actor: entry.actor ?? actor,
      action: entry.action,
      target: entry.target,
      customerId: entry.customerId,
      requestId,
      details: entry.details,
    }));
    await this.events.append(events);
  }
}
