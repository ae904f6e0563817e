import type { Compilable, Kysely, RawBuilder } from 'kysely';

/** The type of a `Database` that declares no tables: raw `sql` statements only. */
export type NoTables = Record<never, never>;

/** What a raw-SQL helper needs of a `Database`, whichever tables that one is typed for. */
export type RawSql = Pick<Database, 'rows'>;

/**
 * The SQL port the MikroORM adapters write through: parameterised statements and transactions.
 *
 * `DB` is the Kysely type of the tables an adapter may query, its module's own
 * (`KyselyTables<typeof SomeEntity | ...>`): inject `Database<CallsTables>` and `kysely` is the typed
 * query builder on MikroORM's connection (`em.getKysely()`), so a misspelt table or column fails the
 * typecheck. Raw kysely `sql` templates (arrays bind as arrays, for set-wise `unnest` statements)
 * still run through `rows`, and inside the typed builder where SQL says more than the builder can.
 */
export abstract class Database<DB = NoTables> {
  /** The typed query builder: on the pool, or, for the `tx` that `transaction` hands over, in that transaction. */
  abstract readonly kysely: Kysely<DB>;

  abstract rows<T>(query: RawBuilder<T>): Promise<T[]>;

  /**
   * The same, as a named prepared statement: PostgreSQL parses and plans it once per connection
   * instead of on every call. For hot statements whose text does not vary; a typed query
   * (`db.kysely.selectFrom(...)...`) is passed as it is, not executed.
   */
  async prepared<T>(query: RawBuilder<T> | Compilable<T>): Promise<T[]> {
    return (await this.kysely.executeQuery(this.compile(query))).rows;
  }

  /** Runs `work` in one transaction; everything it does commits or rolls back together. */
  abstract transaction<T>(work: (tx: Database<DB>) => Promise<T>): Promise<T>;

  protected compile<T>(query: RawBuilder<T> | Compilable<T>) {
    return 'isRawBuilder' in query ? query.compile(this.kysely) : query.compile();
  }
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
