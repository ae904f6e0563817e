import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000500_invoice_deliveries extends Migration {
  override up(): void {
    // The transactional outbox: one row per invoice and channel, written in the issuing
    // transaction. A dispatcher claims due rows with a lease (locked_until + lease_token) in one
    // short statement, sends outside any transaction and records the outcome in another; a lease
    // that runs out (the dispatcher died between send and record) makes the row due again.
    // webhook_id is fixed at enqueue time, so a resend carries the same Standard Webhooks id.
    this.addSql(`
      CREATE TABLE invoice_deliveries (
        id uuid PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        recipient text CHECK ((channel = 'email') = (recipient IS NOT NULL)),
        webhook_id text CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL)),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
        locked_until timestamptz,
        lease_token uuid,
        last_attempt_at timestamptz,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT invoice_deliveries_invoice_channel_key UNIQUE (invoice_id, channel)
      )`);
    // The dispatcher's scan: only pending rows, oldest due first.
    this.addSql(`
      CREATE INDEX invoice_deliveries_due_idx ON invoice_deliveries (next_attempt_at)
      WHERE status = 'pending'`);
  }

  override down(): void {
    this.addSql('DROP TABLE invoice_deliveries');
  }
}
