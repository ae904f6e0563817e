import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235432_delivery_outbox_balance_low extends Migration {
  override name = 'Migration20261201235432_delivery_outbox_balance_low';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "invoice_deliveries" add "kind" text not null default 'invoice', add "payload" json null;`,
    );
    this.addSql(`alter table "invoice_deliveries" alter column "invoice_id" drop not null;`);
    this.addSql(
      `alter table "invoice_deliveries" add constraint "invoice_deliveries_kind_invoice_check" check ((kind = 'invoice') = (invoice_id IS NOT NULL));`,
    );
    this.addSql(
      `alter table "invoice_deliveries" add constraint "invoice_deliveries_kind_payload_check" check ((kind = 'invoice') = (payload IS NULL));`,
    );
    this.addSql(
      `alter table "invoice_deliveries" add constraint "invoice_deliveries_kind_channel_check" check (kind = 'invoice' OR channel = 'webhook');`,
    );
    this.addSql(
      `alter table "invoice_deliveries" add constraint "invoice_deliveries_kind_check" check ("kind" in ('invoice', 'balance.low'));`,
    );
  }

  override down(): void | Promise<void> {
    // The table held only invoices before: the queued events go with their kind.
    this.addSql(`delete from "invoice_deliveries" where "kind" <> 'invoice';`);
    this.addSql(`alter table "invoice_deliveries" drop constraint "invoice_deliveries_kind_invoice_check";`);
    this.addSql(`alter table "invoice_deliveries" drop constraint "invoice_deliveries_kind_payload_check";`);
    this.addSql(`alter table "invoice_deliveries" drop constraint "invoice_deliveries_kind_channel_check";`);
    this.addSql(`alter table "invoice_deliveries" drop constraint "invoice_deliveries_kind_check";`);
    this.addSql(`alter table "invoice_deliveries" drop column "kind", drop column "payload";`);
    this.addSql(`alter table "invoice_deliveries" alter column "invoice_id" set not null;`);
  }
}
