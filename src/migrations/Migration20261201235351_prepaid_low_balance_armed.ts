import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235351_prepaid_low_balance_armed extends Migration {
  override name = 'Migration20261201235351_prepaid_low_balance_armed';

  override up(): void | Promise<void> {
    this.addSql(`alter table "prepaid_balances" add "low_balance_armed" boolean not null default true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "prepaid_balances" drop column "low_balance_armed";`);
  }
}
