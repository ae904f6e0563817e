import { defineEntity, p } from '@mikro-orm/core';

const APPEND_ONLY =
  "raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';";

/**
 * Table `audit_events`: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE; see the
 * migration). `customer_id` is the customer the change concerns, for the listing's filter; it has
 * no foreign key, so that the trail never stands in the way of the tables it records.
 */
export const AuditEventEntity = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  properties: {
    id: p.uuid().primary(),
    at: p.datetime(),
    actorKind: p.enum(['operator', 'customer', 'system']),
    actorId: p.text().nullable(),
    action: p.text(),
    targetType: p.text(),
    targetId: p.text(),
    customerId: p.uuid().nullable(),
    requestId: p.text().nullable(),
    details: p.json<Record<string, unknown>>(),
  },
  indexes: [
    // Newest first, all events or one action's or one customer's (read backwards).
    { name: 'audit_events_at_idx', properties: ['at', 'id'] },
    { name: 'audit_events_action_idx', properties: ['action', 'at', 'id'] },
    { name: 'audit_events_customer_idx', properties: ['customerId', 'at', 'id'] },
  ],
  // Append-only, whatever role runs the statement (only dropping the trigger, a migration, could).
  // TRUNCATE is refused too, by a statement trigger the migration adds: MikroORM does not read
  // TRUNCATE triggers back, so it cannot be declared here.
  triggers: [
    {
      name: 'audit_events_no_update_or_delete',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: APPEND_ONLY,
    },
  ],
});
