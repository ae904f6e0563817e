import type { InferKyselyDB } from '@mikro-orm/postgresql';
import type { ColumnType } from 'kysely';

/**
 * The Kysely database type of some entities (a module's own tables), keyed by table name, with
 * snake_case column names, exactly as MikroORM infers it from `defineEntity` (its documented
 * `InferKyselyDB`), except for the values the PostgreSQL driver answers differently from the
 * entity's JavaScript type. The query layer runs without MikroORM's value conversion (no
 * `convertValues`: it would cost a conversion per value on the hot paths), so:
 * - `timestamptz` is read as PostgreSQL's text (`2026-10-01 00:00:00+00`, MikroORM keeps dates as
 *   strings in its pg type parsers) and written as a `Date` or an ISO string;
 * - `jsonb` is read parsed and written as JSON text (`JSON.stringify`): pg would send a JS array as
 *   a PostgreSQL array literal;
 * - `numeric` and `bigint` stay strings both ways, as the entities declare them (`p.decimal()`,
 *   `p.bigint('string')`), and `bytea` is read as a Buffer.
 * No table has a PostgreSQL array column; one would need its own case here (it is read and
 * written as a JS array).
 */
export type KyselyTables<Entities extends { name: string }> = {
  [Table in keyof InferKyselyDB<Entities>]: {
    [Column in keyof InferKyselyDB<Entities>[Table]]: AsTheDriverSeesIt<
      InferKyselyDB<Entities>[Table][Column]
    >;
  };
};

type AsTheDriverSeesIt<Column> = [Column] extends [ColumnType<infer Read, infer Insert, infer Update>]
  ? ColumnType<Answered<Read>, Sent<Insert>, Sent<Update>>
  : Same<Column, Answered<Column>> extends true
    ? Same<Column, Sent<Column>> extends true
      ? Column
      : ColumnType<Answered<Column>, Sent<Column>, Sent<Column>>
    : ColumnType<Answered<Column>, Sent<Column>, Sent<Column>>;

/** What a query answers for a value of this type. */
type Answered<Value> = Value extends Date ? string : Value extends Uint8Array ? Buffer : Value;

/** What a statement may pass for a value of this type. */
type Sent<Value> = Value extends Date
  ? Date | string
  : Value extends Uint8Array
    ? Uint8Array
    : Value extends object
      ? string
      : Value;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
