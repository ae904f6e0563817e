import { Injectable } from '@nestjs/common';
import { decodeCursor, type Page, toPage } from '../../shared/pagination/page';
import type { AuditAction, AuditEvent } from '../domain/audit-event';
import { AuditEventRepository } from './audit-event.repository';

export interface AuditEventsRequest {
  action: AuditAction | null;
  customerId: string | null;
  limit: number;
  cursor: string | null;
}

/** A page of audit events, newest first, by keyset on (at, id). */
@Injectable()
export class ListAuditEventsQuery {
  constructor(private readonly events: AuditEventRepository) {}

  async execute(request: AuditEventsRequest): Promise<Page<AuditEvent>> {
    const after =
      request.cursor === null ? null : decodeCursor(request.cursor, { at: 'instant', id: 'uuid' });
    const rows = await this.events.list({
      action: request.action,
      customerId: request.customerId,
      limit: request.limit + 1,
      after,
    });
    return toPage(rows, request.limit, (event) => ({ at: event.at.toISOString(), id: event.id }));
  }
}
