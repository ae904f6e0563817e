import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { IssuedInvoicesOutbox, type IssuedInvoice } from '../../invoicing';
import { Database } from '../../shared/database/database';
import { DeliveryChannels } from '../application/delivery-channel';
import type { InvoiceDeliveryTables } from './invoice-delivery.tables';

/**
 * Writes the outbox rows (`invoice_deliveries`, this module's table) in the issuing unit of work:
 * one per invoice and channel that is on, with the fields that channel fixes at issue time (email:
 * the customer's address, and no row without one; webhook: the Standard Webhooks id every retry
 * carries). One set-wise statement for all channels.
 */
@Injectable()
export class MikroOrmIssuedInvoicesOutbox extends IssuedInvoicesOutbox {
  constructor(
    private readonly channels: DeliveryChannels,
    private readonly db: Database<InvoiceDeliveryTables>,
  ) {
    super();
  }

  async enqueue(issued: IssuedInvoice[]): Promise<void> {
    const invoiceIds: string[] = [];
    const channels: string[] = [];
    const recipients: (string | null)[] = [];
    const webhookIds: (string | null)[] = [];
    const issuedAt: string[] = [];
    for (const { invoice, customer } of issued) {
      for (const channel of this.channels.on) {
        const fields = channel.outboxFields(customer);
        if (!fields) continue;
        invoiceIds.push(invoice.id!);
        channels.push(channel.name);
        recipients.push(fields.recipient);
        webhookIds.push(fields.webhookId);
        issuedAt.push(invoice.issuedAt!.toISOString());
      }
    }
    if (invoiceIds.length === 0) return;
    await this.db.kysely
      .insertInto('invoice_deliveries')
      .columns(['id', 'invoice_id', 'channel', 'recipient', 'webhook_id', 'next_attempt_at', 'created_at'])
      .expression(
        sql`SELECT gen_random_uuid(), t.invoice_id, t.channel, t.recipient, t.webhook_id, t.issued_at, t.issued_at
            FROM unnest(${invoiceIds}::uuid[], ${channels}::text[], ${recipients}::text[], ${webhookIds}::text[],
                        ${issuedAt}::timestamptz[]) AS t(invoice_id, channel, recipient, webhook_id, issued_at)`,
      )
      .execute();
  }
}
