import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { BalanceAlerts, type LowBalanceAlert } from '../../prepaid';
import { Database } from '../../shared/database/database';
import { balanceLowEvent } from '../application/balance-low-event';
import { DeliveryChannels } from '../application/delivery-channel';
import type { InvoiceDeliveryTables } from './invoice-delivery.tables';

/**
 * Queues `balance.low` events in the delivery outbox (`invoice_deliveries`, kind `balance.low`), in
 * the unit of work of the drawdown that raised them: one row per alert and channel that carries
 * events and is on (the webhook). With no such channel on, nothing is queued: the alert is dropped,
 * as an invoice gets no row for a channel that is off. The body is fixed here, its webhook-id too,
 * so every retry sends the same signed message.
 */
@Injectable()
export class MikroOrmBalanceAlertsOutbox extends BalanceAlerts {
  constructor(
    private readonly channels: DeliveryChannels,
    private readonly db: Database<InvoiceDeliveryTables>,
  ) {
    super();
  }

  async enqueue(alerts: LowBalanceAlert[]): Promise<void> {
    const channels: string[] = [];
    const webhookIds: (string | null)[] = [];
    const payloads: string[] = [];
    const queuedAt: string[] = [];
    for (const alert of alerts) {
      for (const channel of this.channels.on) {
        const fields = channel.eventFields();
        if (!fields) continue;
        channels.push(channel.name);
        webhookIds.push(fields.webhookId);
        payloads.push(JSON.stringify(balanceLowEvent(alert)));
        queuedAt.push(alert.at.toISOString());
      }
    }
    if (channels.length === 0) return;
    await this.db.kysely
      .insertInto('invoice_deliveries')
      .columns(['id', 'kind', 'channel', 'webhook_id', 'payload', 'next_attempt_at', 'created_at'])
      .expression(
        sql`SELECT gen_random_uuid(), 'balance.low', t.channel, t.webhook_id, t.payload, t.queued_at, t.queued_at
            FROM unnest(${channels}::text[], ${webhookIds}::text[], ${payloads}::json[], ${queuedAt}::timestamptz[])
                 AS t(channel, webhook_id, payload, queued_at)`,
      )
      .execute();
  }
}
