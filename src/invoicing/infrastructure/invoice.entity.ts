import { defineEntity, p } from '@mikro-orm/core';
import type { StoredLine } from './stored-line';

/**
 * Table `invoices`: issued invoices are immutable documents, their lines stored as issued. One per
 * customer and period; numbers are gapless (`sequence`). No foreign key to customers: invoices are
 * only issued for customers just read, and the per-row check locked each customer row.
 */
export const InvoiceEntity = defineEntity({
  name: 'Invoice',
  tableName: 'invoices',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('invoices_number_key'),
    sequence: p.bigint('string').unique('invoices_sequence_key'),
    customerId: p.uuid(),
    period: p.text(),
    periodStart: p.datetime(),
    periodEnd: p.datetime(),
    timezone: p.text(),
    plan: p.text(),
    issuedAt: p.datetime(),
    callCount: p.integer(),
    minutes: p.bigint('string'),
    /** The own period's calls' billed seconds (invoices issued before #16: minutes × 60). */
    billedSeconds: p.bigint('string'),
    lines: p.json<StoredLine[]>(),
    total: p.decimal().precision(20).scale(2),
    currency: p.character().length(3),
  },
  uniques: [{ name: 'invoices_customer_period_key', properties: ['customerId', 'period'] }],
});
