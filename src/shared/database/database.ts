import type { RawBuilder } from 'kysely';

/**
 * The SQL port the MikroORM adapters write through: parameterised statements (kysely's `sql`
 * template, so arrays bind as arrays for set-wise `unnest` statements) and transactions.
 */
export abstract class Database {
  abstract rows<T>(query: RawBuilder<T>): Promise<T[]>;
  /**
   * The same, as a named prepared statement: PostgreSQL parses and plans it once per connection
   * instead of on every call. For hot statements whose text does not vary.
   */
  prepared<T>(query: RawBuilder<T>): Promise<T[]> {
    return this.rows(query);
  }
  /** Runs `work` in one transaction; everything it does commits or rolls back together. */
  abstract transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
}

/** PostgreSQL answers timestamps as text through MikroORM's driver settings; read them as instants. */
export function instant(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** How PostgreSQL writes a timestamptz when the session time zone is UTC. */
const UTC_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/;

/**
 * A timestamp as ISO 8601 text, exactly as `instant(value).toISOString()` writes it. Read paths
 * that only pass instants through take the shortcut: for PostgreSQL's UTC text no Date is built.
 */
export function isoInstant(value: string | Date): string {
  if (typeof value === 'string' && UTC_TIMESTAMPTZ.test(value)) {
    const fraction = value.length > 22 ? value.slice(20, -3) : '';
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
  }
  return instant(value).toISOString();
}
