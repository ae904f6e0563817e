import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000200_invoices extends Migration {
  override up(): void {
    // Issued invoices are immutable documents: lines are stored as issued.
    this.addSql(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        sequence bigint NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        period text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        timezone text NOT NULL,
        plan text NOT NULL,
        issued_at timestamptz NOT NULL,
        call_count integer NOT NULL,
        minutes bigint NOT NULL,
        lines jsonb NOT NULL,
        total numeric(20, 2) NOT NULL,
        currency char(3) NOT NULL,
        CONSTRAINT invoices_customer_period_key UNIQUE (customer_id, period),
        CONSTRAINT invoices_number_key UNIQUE (number),
        CONSTRAINT invoices_sequence_key UNIQUE (sequence)
      )`);
    this.addSql(
      `CREATE INDEX invoices_customer_period_desc_idx ON invoices (customer_id, period DESC, id DESC)`,
    );

    // One row: the last invoice sequence number handed out. Taking it with the invoice insert in
    // one transaction makes numbers gapless: a rolled back issue gives its numbers back.
    this.addSql(`
      CREATE TABLE invoice_number_counter (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_value bigint NOT NULL
      )`);
    this.addSql(`INSERT INTO invoice_number_counter (id, last_value) VALUES (1, 0)`);
  }

  override down(): void {
    this.addSql('DROP TABLE invoice_number_counter');
    this.addSql('DROP TABLE invoices');
  }
}
