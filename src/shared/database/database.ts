import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';

/** The type of a `Database` that declares no tables: raw `sql` statements only. */
export type NoTables = Record<never, never>;

/**
 * The SQL port the MikroORM adapters write through.
 *
 * `DB` is the Kysely type of the tables an adapter may query, its module's own
 * (`KyselyTables<typeof SomeEntity | ...>`): inject `Database<CallsTables>` and `kysely` is the typed
 * query builder on MikroORM's connection (`em.getKysely()`), so a misspelt table or column fails the
 * typecheck. Raw kysely `sql` templates (arrays bind as arrays, for set-wise `unnest` statements)
 * run on it too (`sql<Row>\`...\`.execute(db.kysely)`), and inside the typed builder where SQL says
 * more than the builder can.
 *
 * There is no transaction parameter: inside `UnitOfWork.transactional`, `kysely` runs in that unit
 * of work's transaction; outside one, on the pool. So read `db.kysely` when a statement runs,
 * never keep it.
 */
export abstract class Database<DB = NoTables> {
  /** The typed query builder: in the current unit of work's transaction, or on the pool. */
  abstract get kysely(): Kysely<DB>;

  /** Whether a unit of work's transaction is running in this async context. */
  abstract get inTransaction(): boolean;

  /**
   * A typed query (`db.kysely.selectFrom(...)...`, passed as it is, not executed), a raw `sql`
   * template or a bound `HotStatement`, as a named prepared statement: PostgreSQL parses and plans
   * it once per connection instead of on every call. For hot statements whose text does not vary.
   * Inside a unit of work it runs unnamed, in its transaction.
   */
  async prepared<T>(query: RawBuilder<T> | Compilable<T> | CompiledQuery<T>): Promise<T[]> {
    return (await this.kysely.executeQuery(this.compile(query))).rows;
  }

  protected compile<T>(query: RawBuilder<T> | Compilable<T> | CompiledQuery<T>): CompiledQuery<T> {
    if ('isRawBuilder' in query) return query.compile(this.kysely);
    return 'compile' in query ? query.compile() : query;
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
