import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { createOrmConfig } from '../../mikro-orm.config';
import { CustomerEntity } from '../../src/customers/infrastructure/customer.entity';
import { InvoiceEntity } from '../../src/invoicing/infrastructure/invoice.entity';
import { PrepaidLedgerEntryEntity } from '../../src/prepaid/infrastructure/prepaid-ledger-entry.entity';
import { instant } from '../../src/shared/database/database';
import type { KyselyTables } from '../../src/shared/database/kysely-tables';
import { MikroOrmDatabase } from '../../src/shared/database/mikro-orm-database';
import { MikroOrmUnitOfWork } from '../../src/shared/database/mikro-orm-unit-of-work';
import { createFreshDatabase, dropDatabase, withClient } from '../support/test-database';

type Tables = KyselyTables<typeof CustomerEntity | typeof PrepaidLedgerEntryEntity | typeof InvoiceEntity>;

/** The typed query layer (the Database port's `kysely`) against the migrated schema. */
describe('Typed queries through the Database port', () => {
  let url: string;
  let orm: MikroORM;
  let db: MikroOrmDatabase<Tables>;
  let unitOfWork: MikroOrmUnitOfWork;

  beforeAll(async () => {
    url = await createFreshDatabase();
    orm = await MikroORM.init(createOrmConfig(url, { pool: { min: 0, max: 3 } }));
    db = new MikroOrmDatabase<Tables>(orm.em);
    unitOfWork = new MikroOrmUnitOfWork(orm.em);
  });

  afterAll(async () => {
    await orm.close();
    await dropDatabase(url);
  });

  async function aCustomer(): Promise<string> {
    const id = randomUUID();
    await db.kysely
      .insertInto('customers')
      .values({
        id,
        name: 'Ada',
        email: null,
        timezone: 'Europe/Lisbon',
        plan_history: JSON.stringify([{ plan: 'prepaid', from: null }]),
        created_at: new Date('2026-10-01T00:00:00.123Z'),
      })
      .execute();
    return id;
  }

  it('answers numeric and bigint as exact text, timestamptz as text, jsonb parsed, as the table types say', async () => {
    const customerId = await aCustomer();
    const [entry] = await db.kysely
      .insertInto('prepaid_ledger_entries')
      .values({
        customer_id: customerId,
        kind: 'top_up',
        amount: '12345678901234567890.125',
        currency: 'USD',
        reference: 'r1',
        created_at: new Date('2026-10-02T10:00:00.5Z'),
      })
      .returning(['id', 'amount', 'created_at'])
      .execute();
    const customer = await db.kysely
      .selectFrom('customers')
      .select(['plan_history', 'created_at'])
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();

    expect(entry.id).toMatch(/^\d+$/); // bigserial
    expect(entry.amount).toBe('12345678901234567890.125');
    expect(entry.created_at).toBe('2026-10-02 10:00:00.5+00'); // what isoInstant's fast path reads
    expect(instant(entry.created_at).toISOString()).toBe('2026-10-02T10:00:00.500Z');
    expect(instant(customer.created_at).toISOString()).toBe('2026-10-01T00:00:00.123Z');
    expect(customer.plan_history).toEqual([{ plan: 'prepaid', from: null }]);
  });

  it('inserts a batch set-wise from unnest arrays, once per key however often it is sent', async () => {
    const customerId = await aCustomer();
    const topUp = (references: string[], amounts: string[]) =>
      db.kysely
        .insertInto('prepaid_ledger_entries')
        .columns(['customer_id', 'kind', 'amount', 'currency', 'reference', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom(
              sql<{
                reference: string;
                amount: string;
              }>`unnest(${references}::text[], ${amounts}::numeric[])`.as<'t'>(sql`t(reference, amount)`),
            )
            .select([
              eb.val(customerId).as('customer_id'),
              sql.lit('top_up').as('kind'),
              't.amount',
              eb.val('USD').as('currency'),
              't.reference',
              eb.val(new Date('2026-10-03T00:00:00Z')).as('created_at'),
            ]),
        )
        .onConflict((conflict) =>
          conflict.columns(['customer_id', 'reference']).where('kind', '=', 'top_up').doNothing(),
        )
        .returning('reference')
        .execute();

    const first = await topUp(['a', 'b'], ['1.10', '2.20']);
    const replay = await topUp(['b', 'c'], ['2.20', '3.30']);
    const stored = await db.kysely
      .selectFrom('prepaid_ledger_entries')
      .select(['reference', 'amount'])
      .where('customer_id', '=', customerId)
      .orderBy('reference')
      .execute();

    expect(first.map((row) => row.reference)).toEqual(['a', 'b']);
    expect(replay.map((row) => row.reference)).toEqual(['c']);
    expect(stored).toEqual([
      { reference: 'a', amount: '1.10' },
      { reference: 'b', amount: '2.20' },
      { reference: 'c', amount: '3.30' },
    ]);
  });

  it('holds an advisory lock taken in a transaction until the transaction ends', async () => {
    const key = 424242;
    // Another connection: inside the unit of work, the Database port itself runs in its transaction.
    const canLockElsewhere = () =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          [key],
        );
        return rows[0].locked;
      });

    await unitOfWork.transactional(async () => {
      await db.kysely.selectNoFrom(sql<string>`pg_advisory_xact_lock(${key})::text`.as('locked')).execute();
      expect(await canLockElsewhere()).toBe(false);
    });
    expect(await canLockElsewhere()).toBe(true);
  });

  it('rolls back what the typed queries of a failed transaction wrote', async () => {
    const customerId = await aCustomer();
    const failing = unitOfWork.transactional(async () => {
      await db.kysely
        .updateTable('customers')
        .set({ name: 'Changed' })
        .where('id', '=', customerId)
        .execute();
      throw new Error('later step failed');
    });

    await expect(failing).rejects.toThrow('later step failed');
    const { name } = await db.kysely
      .selectFrom('customers')
      .select('name')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(name).toBe('Ada');
  });

  it('runs a typed query as a named prepared statement, parsed once per connection', async () => {
    const customerId = await aCustomer();
    // One connection, so the statements listed are the ones this pool prepared.
    const single = await MikroORM.init(createOrmConfig(url, { pool: { min: 0, max: 1 } }));
    try {
      const oneConnection = new MikroOrmDatabase<Tables>(single.em);
      const byId = () =>
        oneConnection.kysely.selectFrom('customers').select(['id', 'timezone']).where('id', '=', customerId);

      const rows = await oneConnection.prepared(byId());
      const again = await oneConnection.prepared(byId());
      const { rows: prepared } = await sql<{
        name: string;
        statement: string;
      }>`SELECT name, statement FROM pg_prepared_statements`.execute(oneConnection.kysely);

      expect(rows).toEqual([{ id: customerId, timezone: 'Europe/Lisbon' }]);
      expect(again).toEqual(rows);
      expect(prepared).toEqual([{ name: expect.stringMatching(/^s/), statement: byId().compile().sql }]);
    } finally {
      await single.close();
    }
  });
});
