import { Migration } from '@mikro-orm/migrations';

/**
 * Calls rated in seconds by destination (#16): a call keeps its duration and billed seconds, and
 * the rate it was charged at (destination group, per-minute rate: `unit_price` renamed). Calls
 * recorded before were whole minutes at the plan's own rate: duration = billed = minutes × 60, group
 * `default`. Invoices carry the billed seconds of their own period (minutes × 60 for those issued
 * before). The history index covers what invoicing now sums per rate, so the usage read stays
 * index-only.
 */
export class Migration20261201043851_calls_rated_in_seconds extends Migration {
  override name = 'Migration20261201043851_calls_rated_in_seconds';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "calls" add "duration_seconds" int null, add "billed_seconds" int null, add "rate_group" text null;`,
    );
    this.addSql(`alter table "calls" rename column "unit_price" to "rate_per_minute";`);
    this.addSql(
      `update "calls" set "duration_seconds" = minutes * 60, "billed_seconds" = minutes * 60, "rate_group" = 'default';`,
    );
    this.addSql(
      `alter table "calls" alter column "duration_seconds" set not null, alter column "billed_seconds" set not null, alter column "rate_group" set not null;`,
    );
    this.addSql(
      `alter table "calls" add constraint "calls_duration_seconds_check" check (duration_seconds > 0);`,
    );
    this.addSql(
      `alter table "calls" add constraint "calls_billed_seconds_check" check (billed_seconds > 0);`,
    );
    this.addSql(`
      CREATE INDEX calls_customer_history_rated_idx ON calls (customer_id, started_at DESC, id DESC)
      INCLUDE (period, late, rate_group, rate_per_minute, currency, minutes, billed_seconds, charge, covered_by_balance)`);
    this.addSql('DROP INDEX calls_customer_history_idx');
    this.addSql('ALTER INDEX calls_customer_history_rated_idx RENAME TO calls_customer_history_idx');

    this.addSql(`alter table "invoices" add "billed_seconds" bigint null;`);
    this.addSql(`update "invoices" set "billed_seconds" = minutes * 60;`);
    this.addSql(`alter table "invoices" alter column "billed_seconds" set not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`
      CREATE INDEX calls_customer_history_minutes_idx ON calls (customer_id, started_at DESC, id DESC)
      INCLUDE (period, late, rate_per_minute, currency, minutes, charge, covered_by_balance)`);
    this.addSql('DROP INDEX calls_customer_history_idx');
    this.addSql('ALTER INDEX calls_customer_history_minutes_idx RENAME TO calls_customer_history_idx');
    this.addSql(`alter table "calls" drop constraint "calls_duration_seconds_check";`);
    this.addSql(`alter table "calls" drop constraint "calls_billed_seconds_check";`);
    this.addSql(
      `alter table "calls" drop column "duration_seconds", drop column "billed_seconds", drop column "rate_group";`,
    );
    this.addSql(`alter table "calls" rename column "rate_per_minute" to "unit_price";`);

    this.addSql(`alter table "invoices" drop column "billed_seconds";`);
  }
}
