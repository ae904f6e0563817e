import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000300_prepaid_ledger extends Migration {
  override up(): void {
    // The ledger is the truth; prepaid_balances caches its sum per customer and is the row that
    // concurrent call debits lock, so drawdowns serialise per customer.
    this.addSql(`
      CREATE TABLE prepaid_ledger_entries (
        id bigserial PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        kind text NOT NULL CHECK (kind IN ('top_up', 'call_debit', 'invoice_credit')),
        amount numeric NOT NULL,
        currency char(3) NOT NULL,
        reference text NULL,
        call_id uuid NULL,
        invoice_id uuid NULL,
        created_at timestamptz NOT NULL
      )`);
    this.addSql(
      `CREATE UNIQUE INDEX prepaid_ledger_top_up_reference_key ON prepaid_ledger_entries (customer_id, reference) WHERE kind = 'top_up'`,
    );
    this.addSql(`CREATE INDEX prepaid_ledger_customer_idx ON prepaid_ledger_entries (customer_id, id)`);
    this.addSql(`
      CREATE TABLE prepaid_balances (
        customer_id uuid PRIMARY KEY REFERENCES customers (id),
        balance numeric NOT NULL,
        currency char(3) NOT NULL
      )`);
  }

  override down(): void {
    this.addSql('DROP TABLE prepaid_balances');
    this.addSql('DROP TABLE prepaid_ledger_entries');
  }
}
