import { Migration } from '@mikro-orm/migrations';

/**
 * The history index covers what the invoicing reads sum, so reading a customer's period
 * (its started_at range) is an index-only scan instead of one heap fetch per call. The key, and so
 * the history query's plan, is unchanged; the index grows by the included columns.
 */
export class Migration20261124000700_calls_history_covering_index extends Migration {
  override up(): void {
    this.addSql(`
      CREATE INDEX calls_customer_history_covering_idx ON calls (customer_id, started_at DESC, id DESC)
      INCLUDE (period, late, unit_price, currency, minutes, charge, covered_by_balance)`);
    this.addSql('DROP INDEX calls_customer_history_idx');
    this.addSql('ALTER INDEX calls_customer_history_covering_idx RENAME TO calls_customer_history_idx');
  }

  override down(): void {
    this.addSql(
      'CREATE INDEX calls_customer_history_plain_idx ON calls (customer_id, started_at DESC, id DESC)',
    );
    this.addSql('DROP INDEX calls_customer_history_idx');
    this.addSql('ALTER INDEX calls_customer_history_plain_idx RENAME TO calls_customer_history_idx');
  }
}
