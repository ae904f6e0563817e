import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { HotStatement } from './hot-statement';

/** A made-up table: the statement is the subject, not any module's data. */
interface Tables {
  items: { id: string; customer_id: string; late: boolean; minutes: number };
}

/** A Kysely that compiles PostgreSQL and never connects. */
const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('HotStatement', () => {
  const statement = new HotStatement((p: { customerId: string; ids: string[]; limit: number }) =>
    db
      .selectFrom('items')
      .select(['id', 'minutes'])
      .where('customer_id', '=', p.customerId)
      .where('late', '=', false)
      .where('id', '=', sql<string>`ANY(${p.ids}::uuid[])`)
      .where('customer_id', '<>', p.customerId)
      .limit(p.limit),
  );

  it('binds each run its own values, in the order the text asks for them, keeping its constants', () => {
    const first = statement.bind({ customerId: 'ada', ids: ['a', 'b'], limit: 50 });
    const second = statement.bind({ customerId: 'bob', ids: [], limit: 1 });

    expect(first.sql).toBe(
      'select "id", "minutes" from "items" where "customer_id" = $1 and "late" = $2 and "id" = ANY($3::uuid[]) ' +
        'and "customer_id" <> $4 limit $5',
    );
    expect(second.sql).toBe(first.sql);
    expect(first.parameters).toEqual(['ada', false, ['a', 'b'], 'ada', 50]);
    expect(second.parameters).toEqual(['bob', false, [], 'bob', 1]);
  });

  it('compiles what a query built for the same values compiles', () => {
    const values = { customerId: 'ada', ids: ['a'], limit: 5 };
    const built = db
      .selectFrom('items')
      .select(['id', 'minutes'])
      .where('customer_id', '=', values.customerId)
      .where('late', '=', false)
      .where('id', '=', sql<string>`ANY(${values.ids}::uuid[])`)
      .where('customer_id', '<>', values.customerId)
      .limit(values.limit)
      .compile();
    const bound = statement.bind(values);
    expect([bound.sql, bound.parameters]).toEqual([built.sql, built.parameters]);
  });
});
