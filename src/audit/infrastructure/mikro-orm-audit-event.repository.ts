import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import type { ActorKind } from '../../shared/request-context/request-context';
import { AuditEventFilter, AuditEventRepository } from '../application/audit-event.repository';
import { AuditOutsideUnitOfWorkError } from '../domain/audit.errors';
import type { AuditAction, AuditEvent } from '../domain/audit-event';
import type { AuditTables } from './audit.tables';

/** Audit events in PostgreSQL: appended in one statement (one JSON document), read by keyset. */
@Injectable()
export class MikroOrmAuditEventRepository extends AuditEventRepository {
  constructor(private readonly db: Database<AuditTables>) {
    super();
  }

  async append(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.db.inTransaction) throw new AuditOutsideUnitOfWorkError();
    const rows = events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actor_kind: event.actor.kind,
      actor_id: event.actor.id,
      action: event.action,
      target_type: event.target.type,
      target_id: event.target.id,
      customer_id: event.customerId,
      request_id: event.requestId,
      details: event.details,
    }));
    await this.db.kysely
      .insertInto('audit_events')
      .columns([
        'id',
        'at',
        'actor_kind',
        'actor_id',
        'action',
        'target_type',
        'target_id',
        'customer_id',
        'request_id',
        'details',
      ])
      .expression((db) =>
        db
          .selectFrom(
            sql<{
              id: string;
              at: string;
              actor_kind: ActorKind;
              actor_id: string | null;
              action: string;
              target_type: string;
              target_id: string;
              customer_id: string | null;
              request_id: string | null;
              details: string;
            }>`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`.as<'t'>(
              sql`t(id uuid, at timestamptz, actor_kind text, actor_id text, action text, target_type text,
                    target_id text, customer_id uuid, request_id text, details jsonb)`,
            ),
          )
          .select([
            't.id',
            't.at',
            't.actor_kind',
            't.actor_id',
            't.action',
            't.target_type',
            't.target_id',
            't.customer_id',
            't.request_id',
            't.details',
          ]),
      )
      .execute();
  }

  async list(filter: AuditEventFilter): Promise<AuditEvent[]> {
    let query = this.db.kysely.selectFrom('audit_events').selectAll();
    if (filter.action !== null) query = query.where('action', '=', filter.action);
    if (filter.customerId !== null) query = query.where('customer_id', '=', filter.customerId);
    if (filter.after !== null) {
      const { at, id } = filter.after;
      query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(at, id)));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({
      id: row.id,
      at: instant(row.at),
      actor: { kind: row.actor_kind, id: row.actor_id },
      action: row.action as AuditAction,
      target: { type: row.target_type, id: row.target_id },
      customerId: row.customer_id,
      requestId: row.request_id,
      details: row.details,
    }));
  }
}
