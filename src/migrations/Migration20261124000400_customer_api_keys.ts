import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000400_customer_api_keys extends Migration {
  override up(): void {
    // One key per customer, kept only as the SHA-256 of the key; rotation overwrites the row, so
    // the old key stops working at once. Customers created before this table get a key by rotation.
    this.addSql(`
      CREATE TABLE customer_api_keys (
        customer_id uuid PRIMARY KEY REFERENCES customers (id),
        key_hash bytea NOT NULL CHECK (octet_length(key_hash) = 32),
        created_at timestamptz NOT NULL
      )`);
  }

  override down(): void {
    this.addSql('DROP TABLE customer_api_keys');
  }
}
