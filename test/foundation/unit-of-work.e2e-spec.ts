import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { createOrmConfig } from '../../mikro-orm.config';
import { CustomerEntity } from '../../src/customers/infrastructure/customer.entity';
import type { PrepaidBalanceEntity } from '../../src/prepaid/infrastructure/prepaid-balance.entity';
import type { KyselyTables } from '../../src/shared/database/kysely-tables';
import { MikroOrmDatabase } from '../../src/shared/database/mikro-orm-database';
import { MikroOrmUnitOfWork } from '../../src/shared/database/mikro-orm-unit-of-work';
import { PostgresAdvisoryPeriodLocks } from '../../src/shared/database/postgres-advisory-period-locks';
import { createFreshDatabase, dropDatabase, withClient } from '../support/test-database';

/** Two modules' views of one Database, as their adapters see it. */
type CustomersTables = KyselyTables<typeof CustomerEntity>;
type PrepaidTables = KyselyTables<typeof PrepaidBalanceEntity>;

/** The unit of work: one transaction across adapters, carried by the async context, no `tx` handed around. */
describe('UnitOfWork on MikroORM', () => {
  let url: string;
  let orm: MikroORM;
  let customers: MikroOrmDatabase<CustomersTables>;
  let prepaid: MikroOrmDatabase<PrepaidTables>;
  let unitOfWork: MikroOrmUnitOfWork;

  beforeAll(async () => {
    url = await createFreshDatabase();
    orm = await MikroORM.init(createOrmConfig(url, { pool: { min: 0, max: 4 } }));
    customers = new MikroOrmDatabase<CustomersTables>(orm.em);
    prepaid = new MikroOrmDatabase<PrepaidTables>(orm.em);
    unitOfWork = new MikroOrmUnitOfWork(orm.em);
  });

  afterAll(async () => {
    await orm.close();
    await dropDatabase(url);
  });

  const transactionId = async (db: MikroOrmDatabase<CustomersTables> | MikroOrmDatabase<PrepaidTables>) =>
    (await sql<{ id: string }>`SELECT txid_current()::text AS id`.execute(db.kysely)).rows[0].id;

  /** One adapter's write... */
  const insertCustomer = (id: string) =>
    customers.kysely
      .insertInto('customers')
      .values({
        id,
        name: 'Ada',
        email: null,
        timezone: 'UTC',
        plan_history: JSON.stringify([{ plan: 'prepaid', from: null }]),
        created_at: new Date('2026-10-01T00:00:00Z'),
      })
      .execute();
  /** ...and another module's, which needs the first (a foreign key). */
  const insertBalance = (customerId: string) =>
    prepaid.kysely
      .insertInto('prepaid_balances')
      .values({ customer_id: customerId, balance: '5.00', currency: 'USD' })
      .execute();
  const stored = async (customerId: string) =>
    withClient(url, async (client) => ({
      customers: (await client.query('SELECT 1 FROM customers WHERE id = $1', [customerId])).rowCount,
      balances: (await client.query('SELECT 1 FROM prepaid_balances WHERE customer_id = $1', [customerId]))
        .rowCount,
    }));

  it("runs two modules' adapters in one transaction, which commits when the work resolves", async () => {
    const customerId = randomUUID();
    const ids = await unitOfWork.transactional(async () => {
      expect(customers.inTransaction).toBe(true);
      await insertCustomer(customerId);
      // Not yet visible to anyone else.
      expect((await stored(customerId)).customers).toBe(0);
      await insertBalance(customerId);
      return [await transactionId(customers), await transactionId(prepaid)];
    });

    expect(new Set(ids).size).toBe(1);
    expect(await stored(customerId)).toEqual({ customers: 1, balances: 1 });
  });

  it("rolls back every adapter's writes when the work throws", async () => {
    const customerId = randomUUID();
    const failing = unitOfWork.transactional(async () => {
      await insertCustomer(customerId);
      await insertBalance(customerId);
      throw new Error('a later step failed');
    });

    await expect(failing).rejects.toThrow('a later step failed');
    expect(await stored(customerId)).toEqual({ customers: 0, balances: 0 });
  });

  it('joins a unit of work started inside another: one transaction, no savepoint, rolled back whole', async () => {
    const customerId = randomUUID();
    let inner = '';
    const failing = unitOfWork.transactional(async () => {
      const outer = await transactionId(customers);
      await unitOfWork.transactional(async () => {
        inner = await transactionId(prepaid);
        await insertCustomer(customerId);
      });
      expect(inner).toBe(outer);
      await insertBalance(customerId);
      throw new Error('after the inner unit of work');
    });

    await expect(failing).rejects.toThrow('after the inner unit of work');
    expect(await stored(customerId)).toEqual({ customers: 0, balances: 0 });
  });

  it('runs each statement on the pool, on its own, outside a unit of work', async () => {
    expect(customers.inTransaction).toBe(false);
    const first = await transactionId(customers);
    const second = await transactionId(customers);
    expect(first).not.toBe(second);
  });

  it('keeps concurrent units of work apart, each in its own transaction', async () => {
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        unitOfWork.transactional(async () => {
          const id = await transactionId(customers);
          await new Promise((resolve) => setTimeout(resolve, 20));
          expect(await transactionId(prepaid)).toBe(id);
          return id;
        }),
      ),
    );
    expect(a).not.toBe(b);
  });

  it('runs MikroORM EntityManager calls in the same transaction', async () => {
    const customerId = randomUUID();
    const failing = unitOfWork.transactional(async () => {
      await orm.em.insert(CustomerEntity, {
        id: customerId,
        name: 'Ada',
        email: null,
        timezone: 'UTC',
        planHistory: [{ plan: 'postpaid', from: null }],
        createdAt: new Date('2026-10-01T00:00:00Z'),
      });
      expect(
        (await customers.kysely.selectFrom('customers').select('id').where('id', '=', customerId).execute())
          .length,
      ).toBe(1);
      throw new Error('rolled back');
    });

    await expect(failing).rejects.toThrow('rolled back');
    expect((await stored(customerId)).customers).toBe(0);
  });

  it('runs a prepared statement inside a unit of work in its transaction', async () => {
    const customerId = randomUUID();
    const failing = unitOfWork.transactional(async () => {
      await insertCustomer(customerId);
      const rows = await customers.prepared(
        customers.kysely.selectFrom('customers').select('id').where('id', '=', customerId),
      );
      expect(rows).toEqual([{ id: customerId }]);
      throw new Error('rolled back');
    });

    await expect(failing).rejects.toThrow('rolled back');
    expect((await stored(customerId)).customers).toBe(0);
  });

  describe('period locks', () => {
    let locks: PostgresAdvisoryPeriodLocks;
    beforeAll(() => {
      locks = new PostgresAdvisoryPeriodLocks(new MikroOrmDatabase(orm.em));
    });
    const key = { period: '2026-10', customerId: randomUUID() };

    it('are only taken inside a unit of work (outside one they would be released at once)', async () => {
      await expect(locks.lockExclusive([key])).rejects.toThrow('inside a unit of work');
      await expect(locks.lockShared([])).resolves.toBeUndefined();
    });

    it('hold an exclusive lock against shared ones until the unit of work ends', async () => {
      const events: string[] = [];
      let releaseExclusive!: () => void;
      const exclusiveHeld = new Promise<void>((resolve) => (releaseExclusive = resolve));
      let exclusiveTaken!: () => void;
      const taken = new Promise<void>((resolve) => (exclusiveTaken = resolve));
      const exclusive = unitOfWork.transactional(async () => {
        await locks.lockExclusive([key]);
        exclusiveTaken();
        await exclusiveHeld;
        events.push('exclusive released');
      });
      await taken;
      const shared = unitOfWork.transactional(async () => {
        await locks.lockShared([key]);
        events.push('shared taken');
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events).toEqual([]);
      releaseExclusive();
      await Promise.all([exclusive, shared]);
      expect(events).toEqual(['exclusive released', 'shared taken']);
    });
  });
});
