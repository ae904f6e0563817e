import { Migration } from '@mikro-orm/migrations';

export class Migration20261201062601_customers_billing_address extends Migration {
  override name = 'Migration20261201062601_customers_billing_address';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customers" add "billing_address" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customers" drop column "billing_address";`);
  }
}
