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
