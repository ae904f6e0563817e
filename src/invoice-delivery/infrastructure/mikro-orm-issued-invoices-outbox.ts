import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { AppConfiguration } from '../../config';
import { Database } from '../../shared/database/database';
import { IssuedInvoicesOutbox } from '../application/issued-invoices-outbox.port';
import type { Invoice } from '../domain/invoice';

/**
 * Writes the invoice-delivery module's outbox rows inside the issuing transaction: one per invoice
 * and configured channel. Email only for customers with an address (the address is taken as it is
 * at issue time); the webhook's Standard Webhooks id is fixed here, so every retry carries it.
 */
@Injectable()
export class MikroOrmIssuedInvoicesOutbox extends IssuedInvoicesOutbox {
  constructor(private readonly config: AppConfiguration) {
    super();
  }

  async enqueue(tx: Database, invoices: Invoice[]): Promise<void> {
    if (invoices.length === 0) return;
    const invoiceIds = invoices.map((invoice) => invoice.id!);
    const issuedAt = invoices.map((invoice) => invoice.issuedAt!.toISOString());
    if (this.config.SMTP_URL) {
      await tx.rows(sql`
        INSERT INTO invoice_deliveries (id, invoice_id, channel, recipient, next_attempt_at, created_at)
        SELECT gen_random_uuid(), t.invoice_id, 'email', c.email, t.issued_at, t.issued_at
        FROM unnest(${invoiceIds}::uuid[], ${invoices.map((i) => i.customerId)}::uuid[], ${issuedAt}::timestamptz[])
             AS t(invoice_id, customer_id, issued_at)
        JOIN customers c ON c.id = t.customer_id
        WHERE c.email IS NOT NULL AND c.email <> ''`);
    }
    if (this.config.INVOICE_WEBHOOK_URL) {
      const webhookIds = invoices.map(() => `msg_${randomUUID().replaceAll('-', '')}`);
      await tx.rows(sql`
        INSERT INTO invoice_deliveries (id, invoice_id, channel, webhook_id, next_attempt_at, created_at)
        SELECT gen_random_uuid(), t.invoice_id, 'webhook', t.webhook_id, t.issued_at, t.issued_at
        FROM unnest(${invoiceIds}::uuid[], ${webhookIds}::text[], ${issuedAt}::timestamptz[])
             AS t(invoice_id, webhook_id, issued_at)`);
    }
  }
}
