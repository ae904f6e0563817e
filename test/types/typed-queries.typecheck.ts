/**
 * Type-level tests, checked by `npm run typecheck` and never run: the typed query layer refuses a
 * misspelt table or column, a value of the wrong type and another module's table, and types what
 * PostgreSQL answers as the pg driver answers it. Each `@ts-expect-error` fails the typecheck when
 * the line below it stops being an error.
 */
import { sql } from 'kysely';
import type { AuthTables } from '../../src/auth/infrastructure/auth.tables';
import type { CallEntity } from '../../src/calls/infrastructure/call.entity';
import type { InvoiceEntity } from '../../src/invoicing/infrastructure/invoice.entity';
import type { PrepaidLedgerEntryEntity } from '../../src/prepaid/infrastructure/prepaid-ledger-entry.entity';
import type { Database } from '../../src/shared/database/database';
import type { KyselyTables } from '../../src/shared/database/kysely-tables';

declare const auth: Database<AuthTables>;

export async function aMisspeltTableOrColumnDoesNotCompile(): Promise<void> {
  // @ts-expect-error: there is no table customer_api_key
  await auth.kysely.selectFrom('customer_api_key').selectAll().execute();
  // @ts-expect-error: the column is key_hash
  await auth.kysely.selectFrom('customer_api_keys').select('keyhash').execute();
  await auth.kysely
    .selectFrom('customer_api_keys')
    .select('key_hash')
    // @ts-expect-error: the column is customer_id (property names are not column names)
    .where('customerId', '=', 'x')
    .execute();
  await auth.kysely
    .updateTable('customer_api_keys')
    // @ts-expect-error: the column is created_at
    .set({ creation: new Date() })
    .execute();
}

export async function anotherModulesTableIsNotInAModulesType(): Promise<void> {
  // @ts-expect-error: customers belongs to the customers module, not to auth
  await auth.kysely.selectFrom('customers').selectAll().execute();
}

export async function aValueOfTheWrongTypeDoesNotCompile(): Promise<void> {
  await auth.kysely
    .insertInto('customer_api_keys')
    // @ts-expect-error: key_hash is bytea, a Buffer, not a number
    .values({ customer_id: 'id', key_hash: 42, created_at: new Date() })
    .execute();
  await auth.kysely
    .insertInto('customer_api_keys')
    // @ts-expect-error: created_at is NOT NULL and has no default
    .values({ customer_id: 'id', key_hash: Buffer.alloc(32) })
    .execute();
}

type Tables = KyselyTables<typeof CallEntity | typeof InvoiceEntity | typeof PrepaidLedgerEntryEntity>;
declare const db: Database<Tables>;

export async function valuesAreTypedAsThePgDriverAnswersThem(): Promise<void> {
  const call = await db.kysely
    .selectFrom('calls')
    .select(['started_at', 'charge', 'covered_by_balance', 'minutes', 'late'])
    .executeTakeFirstOrThrow();
  const startedAt: string = call.started_at; // timestamptz: PostgreSQL's text
  const charge: string = call.charge; // numeric: exact text
  const covered: string | null = call.covered_by_balance;
  const minutes: number = call.minutes;
  const late: boolean = call.late;
  // @ts-expect-error: a timestamptz is answered as text, not as a Date
  const asDate: Date = call.started_at;
  // @ts-expect-error: a nullable column may be null
  const notNull: string = call.covered_by_balance;

  const invoice = await db.kysely
    .selectFrom('invoices')
    .select(['sequence', 'minutes', 'lines', 'total'])
    .executeTakeFirstOrThrow();
  const sequence: string = invoice.sequence; // bigint: text
  const total: string = invoice.total;
  const firstLineAmount: string | undefined = invoice.lines[0]?.amount; // jsonb: parsed
  void [startedAt, charge, covered, minutes, late, asDate, notNull, sequence, total, firstLineAmount];
}

export async function writesTakeWhatTheDriverSends(): Promise<void> {
  await db.kysely
    .insertInto('prepaid_ledger_entries')
    // id is a bigserial: generated, so not required; created_at takes a Date
    .values({ customer_id: 'c', kind: 'top_up', amount: '10.00', currency: 'USD', created_at: new Date() })
    .execute();
  await db.kysely
    .insertInto('prepaid_ledger_entries')
    // @ts-expect-error: kind is one of the entity's enum items
    .values({ customer_id: 'c', kind: 'refund', amount: '1', currency: 'USD', created_at: new Date() })
    .execute();
  await db.kysely
    .updateTable('invoices')
    // @ts-expect-error: jsonb is written as JSON text (pg would send a JS array as a PostgreSQL array)
    .set({ lines: [] })
    .execute();
  await db.kysely
    .updateTable('invoices')
    .set({ lines: JSON.stringify([]) })
    .execute();
}

export async function rawSqlAndPreparedStatementsKeepTheirRowTypes(): Promise<void> {
  const { rows: locks } = await sql<{
    locked: boolean;
  }>`SELECT pg_try_advisory_xact_lock(1) AS locked`.execute(db.kysely);
  const locked: boolean = locks[0].locked;
  const rows = await db.prepared(
    db.kysely.selectFrom('calls').select(['id', 'charge']).where('late', '=', true),
  );
  const charge: string = rows[0].charge;
  // @ts-expect-error: the prepared query selected no started_at
  void rows[0].started_at;
  void [locked, charge];
}
