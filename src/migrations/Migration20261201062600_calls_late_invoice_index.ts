import { Migration } from '@mikro-orm/migrations';

export class Migration20261201062600_calls_late_invoice_index extends Migration {
  override name = 'Migration20261201062600_calls_late_invoice_index';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "calls_late_invoice_idx" on "calls" ("late_invoice_id", "started_at", "id") where late_invoice_id IS NOT NULL;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "calls_late_invoice_idx";`);
  }
}
