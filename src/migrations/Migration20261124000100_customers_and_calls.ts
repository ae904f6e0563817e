import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000100_customers_and_calls extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text NULL,
        timezone text NOT NULL,
        plan_history jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    this.addSql(`CREATE INDEX customers_created_at_id_idx ON customers (created_at, id)`);

    this.addSql(`
      CREATE TABLE phone_numbers (
        number text PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        added_at timestamptz NOT NULL
      )`);
    this.addSql(`CREATE INDEX phone_numbers_customer_id_idx ON phone_numbers (customer_id)`);

    // Calls are written set-wise and never updated on the hot path; `late` marks a call that
    // arrived after its period was invoiced, `late_invoice_id` the later invoice that billed it.
    this.addSql(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY,
        call_id text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        phone_number text NOT NULL,
        destination text NULL,
        started_at timestamptz NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0),
        unit_price numeric NOT NULL,
        charge numeric NOT NULL,
        currency char(3) NOT NULL,
        covered_by_balance numeric NULL,
        plan text NOT NULL,
        period text NOT NULL,
        received_at timestamptz NOT NULL,
        late boolean NOT NULL DEFAULT false,
        late_invoice_id uuid NULL,
        CONSTRAINT calls_call_id_key UNIQUE (call_id)
      )`);
    this.addSql(`CREATE INDEX calls_customer_history_idx ON calls (customer_id, started_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX calls_customer_period_idx ON calls (customer_id, period)`);
    this.addSql(
      `CREATE INDEX calls_unbilled_late_idx ON calls (customer_id) WHERE late AND late_invoice_id IS NULL`,
    );
  }

  override down(): void {
    this.addSql('DROP TABLE calls');
    this.addSql('DROP TABLE phone_numbers');
    this.addSql('DROP TABLE customers');
  }
}
