import { defineEntity, p } from '@mikro-orm/core';

/**
 * Table `calls`: every call, charged once when it arrives. Written set-wise and never updated on
 * the hot path; `late` marks a call that arrived after its period was invoiced, `lateInvoiceId`
 * the later invoice that billed it. No foreign key to customers: a call is only written after its
 * line's owner was looked up, and the per-row check cost a third of an insert.
 */
export const CallEntity = defineEntity({
  name: 'Call',
  tableName: 'calls',
  properties: {
    id: p.uuid().primary(),
    callId: p.text().unique('calls_call_id_key'),
    customerId: p.uuid(),
    phoneNumber: p.text(),
    destination: p.text().nullable(),
    startedAt: p.datetime(),
    /** `ceil(duration_seconds / 60)`, kept for the invoice's minutes and the API's `minutes`. */
    minutes: p.integer().check('minutes > 0'),
    durationSeconds: p.integer().check('duration_seconds > 0'),
    billedSeconds: p.integer().check('billed_seconds > 0'),
    /** The destination group the call was rated in (`default`: the plan's own rate). */
    rateGroup: p.text(),
    ratePerMinute: p.decimal().columnType('numeric'),
    charge: p.decimal().columnType('numeric'),
    currency: p.character().length(3),
    coveredByBalance: p.decimal().columnType('numeric').nullable(),
    plan: p.text(),
    period: p.text(),
    receivedAt: p.datetime(),
    late: p.boolean().default(false),
    lateInvoiceId: p.uuid().nullable(),
  },
  indexes: [
    {
      // The history, newest first; it covers what invoicing sums per rate (group, rate per minute),
      // so reading a period is index-only.
      // Raw: MikroORM 7.2.1 reads this index back without the DESC on `id` (it finds "id" inside
      // "customer_id"), so a structured definition would always differ. A raw index is compared by name.
      name: 'calls_customer_history_idx',
      expression:
        'CREATE INDEX calls_customer_history_idx ON calls (customer_id, started_at DESC, id DESC) ' +
        'INCLUDE (period, late, rate_group, rate_per_minute, currency, minutes, billed_seconds, charge, covered_by_balance)',
    },
    {
      // Late calls not yet billed by a later invoice.
      name: 'calls_unbilled_late_idx',
      properties: ['customerId'],
      where: 'late AND late_invoice_id IS NULL',
    },
    {
      // The late calls a later invoice billed, in the order its annex lists them.
      name: 'calls_late_invoice_idx',
      properties: ['lateInvoiceId', 'startedAt', 'id'],
      where: 'late_invoice_id IS NOT NULL',
    },
  ],
});
