import { defineEntity, p } from '@mikro-orm/core';
import { InvoiceEntity } from '../../invoicing/infrastructure/invoice.entity';
import { DELIVERY_CHANNELS, DELIVERY_MESSAGE_KINDS } from '../domain/delivery';

/**
 * Table `invoice_deliveries`: the transactional outbox, one row per invoice and channel, written in
 * the issuing transaction, and one row per `balance.low` event (kind `balance.low`: no invoice, its
 * JSON body in `payload`, webhook only), written in the transaction of the call that raised it. A
 * dispatcher claims due rows with a lease (`lockedUntil` + `leaseToken`), sends outside any
 * transaction and records the outcome; `webhookId` is fixed at enqueue time, so a resend carries the
 * same Standard Webhooks id.
 */
export const InvoiceDeliveryEntity = defineEntity({
  name: 'InvoiceDelivery',
  tableName: 'invoice_deliveries',
  properties: {
    id: p.uuid().primary(),
    kind: p.enum([...DELIVERY_MESSAGE_KINDS]).default('invoice'),
    invoice: () =>
      p
        .manyToOne(InvoiceEntity)
        .mapToPk()
        .nullable()
        .foreignKeyName('invoice_deliveries_invoice_id_fkey')
        .deleteRule('no action'),
    // `json`, not `jsonb`: the body is sent as it was queued, its keys in their order.
    payload: p.json<Record<string, unknown>>().columnType('json').nullable(),
    channel: p.enum([...DELIVERY_CHANNELS]),
    recipient: p.text().nullable(),
    webhookId: p.text().nullable(),
    status: p.enum(['pending', 'delivered', 'failed']).default('pending'),
    attempts: p.integer().default(0).check('attempts >= 0'),
    nextAttemptAt: p.datetime().nullable(),
    lockedUntil: p.datetime().nullable(),
    leaseToken: p.uuid().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
  // Named as PostgreSQL named these column constraints of the first migration (they span two columns).
  checks: [
    { name: 'invoice_deliveries_check', expression: "(channel = 'email') = (recipient IS NOT NULL)" },
    { name: 'invoice_deliveries_check1', expression: "(channel = 'webhook') = (webhook_id IS NOT NULL)" },
    { name: 'invoice_deliveries_check2', expression: "(status = 'pending') = (next_attempt_at IS NOT NULL)" },
    {
      name: 'invoice_deliveries_kind_invoice_check',
      expression: "(kind = 'invoice') = (invoice_id IS NOT NULL)",
    },
    { name: 'invoice_deliveries_kind_payload_check', expression: "(kind = 'invoice') = (payload IS NULL)" },
    { name: 'invoice_deliveries_kind_channel_check', expression: "kind = 'invoice' OR channel = 'webhook'" },
  ],
  uniques: [{ name: 'invoice_deliveries_invoice_channel_key', properties: ['invoice', 'channel'] }],
  indexes: [
    // The dispatcher's scan: only pending rows, oldest due first.
    { name: 'invoice_deliveries_due_idx', properties: ['nextAttemptAt'], where: "status = 'pending'" },
  ],
});
