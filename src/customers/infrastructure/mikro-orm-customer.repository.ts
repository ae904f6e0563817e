import { Injectable } from '@nestjs/common';
import { type ExpressionBuilder, sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import { HotStatement } from '../../shared/database/hot-statement';
import { isForeignKeyViolation } from '../../shared/database/postgres-errors';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { TimeZone } from '../../shared/domain/time-zone';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import {
  CustomerListCursor,
  CustomerRecord,
  CustomerRepository,
  PlansOutside,
} from '../application/customer.repository';
import { Customer } from '../domain/customer';
import { CustomerNotFoundError, PhoneNumberTakenError } from '../domain/customer.errors';
import { PlanHistory } from '../domain/plan-history';
import type { CustomerRow, CustomersTables } from './customers.tables';

const RECORD_COLUMNS = ['c.id', 'c.name', 'c.email', 'c.timezone', 'c.plan_history', 'c.created_at'] as const;

type RecordRow = Pick<CustomerRow, 'id' | 'name' | 'email' | 'timezone' | 'plan_history' | 'created_at'>;

/** The customer's numbers, oldest first, as one array. */
function phoneNumbersOf(eb: ExpressionBuilder<CustomersTables & { c: CustomersTables['customers'] }, 'c'>) {
  return eb
    .selectFrom('phone_numbers as p')
    .select((eb) =>
      eb.fn.agg<string[]>('array_agg', ['p.number']).orderBy('p.added_at').orderBy('p.number').as('numbers'),
    )
    .whereRef('p.customer_id', '=', 'c.id')
    .as('phone_numbers');
}

@Injectable()
export class MikroOrmCustomerRepository extends CustomerRepository {
  /** Hot reads (a customer by id; the owners of a batch's lines), compiled once. */
  private readonly byId: HotStatement<{ id: string }, RecordRow & { phone_numbers: string[] | null }>;
  private readonly byNumbers: HotStatement<{ numbers: string[] }, RecordRow & { number: string }>;

  constructor(
    private readonly db: Database<CustomersTables>,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
    this.byId = new HotStatement((p: { id: string }) =>
      db.kysely
        .selectFrom('customers as c')
        .select(RECORD_COLUMNS)
        .select(phoneNumbersOf)
        .where('c.id', '=', p.id),
    );
    this.byNumbers = new HotStatement((p: { numbers: string[] }) =>
      db.kysely
        .selectFrom('phone_numbers as p')
        .innerJoin('customers as c', 'c.id', 'p.customer_id')
        .select(['p.number', ...RECORD_COLUMNS])
        .where('p.number', '=', sql<string>`ANY(${p.numbers}::text[])`),
    );
  }

  add(customer: Customer): Promise<void> {
    const numbers = customer.phoneNumbers.map((number) => number.e164);
    return this.unitOfWork.transactional(async () => {
      await this.db.kysely
        .insertInto('customers')
        .values({
          id: customer.id,
          name: customer.name,
          email: customer.email,
          timezone: customer.timezone.name,
          plan_history: JSON.stringify(customer.planHistory.entries),
          created_at: customer.createdAt,
        })
        .execute();
      if (numbers.length === 0) return;
      const inserted = await this.db.kysely
        .insertInto('phone_numbers')
        .columns(['number', 'customer_id', 'added_at'])
        .expression(
          sql`SELECT number, ${customer.id}::uuid, ${customer.createdAt}::timestamptz FROM unnest(${numbers}::text[]) AS number`,
        )
        .onConflict((conflict) => conflict.column('number').doNothing())
        .returning('number')
        .execute();
      const stored = new Set(inserted.map((row) => row.number));
      // Throwing rolls the customer back with the unit of work: nothing is stored.
      const taken = numbers.find((number) => !stored.has(number));
      if (taken !== undefined) throw new PhoneNumberTakenError(taken);
    });
  }

  async findById(id: string): Promise<Customer | null> {
    const [row] = await this.db.prepared(this.byId.bind({ id }));
    return row ? toCustomer(row, row.phone_numbers) : null;
  }

  async list(limit: number, after: CustomerListCursor | null): Promise<Customer[]> {
    const rows = await this.page(limit, after).select(phoneNumbersOf).execute();
    return rows.map((row) => toCustomer(row, row.phone_numbers));
  }

  async listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]> {
    return (await this.page(limit, after).execute()).map(toRecord);
  }

  async addPhoneNumber(customerId: string, number: PhoneNumber, now: Date): Promise<void> {
    const inserted = await this.db.kysely
      .insertInto('phone_numbers')
      .values({ number: number.e164, customer_id: customerId, added_at: now })
      .onConflict((conflict) => conflict.column('number').doNothing())
      .returning('customer_id')
      .execute()
      .catch((error: unknown) => {
        // The line references its customer: no customer, no line.
        throw isForeignKeyViolation(error) ? new CustomerNotFoundError(customerId) : error;
      });
    if (inserted.length > 0) return;
    const owner = await this.db.kysely
      .selectFrom('phone_numbers')
      .select('customer_id')
      .where('number', '=', number.e164)
      .executeTakeFirst();
    if (owner?.customer_id !== customerId) throw new PhoneNumberTakenError(number.e164);
  }

  async savePlanHistory(customer: Customer): Promise<void> {
    await this.db.kysely
      .updateTable('customers')
      .set({ plan_history: JSON.stringify(customer.planHistory.entries) })
      .where('id', '=', customer.id)
      .execute();
  }

  async onPlansOutside(known: string[], since: string): Promise<PlansOutside> {
    // A history entry counts unless the next one was already in force during `since` (PlanHistory.plansFrom).
    const row = await this.db.kysely
      .selectFrom('customers as c')
      .crossJoinLateral((eb) =>
        sql<{
          entry: unknown;
          n: string;
        }>`jsonb_array_elements(${eb.ref('c.plan_history')}) WITH ORDINALITY`.as<'e'>(sql`e(entry, n)`),
      )
      .select([
        sql<string[] | null>`array_agg(DISTINCT e.entry->>'plan' ORDER BY e.entry->>'plan')`.as('plans'),
        sql<string>`count(DISTINCT c.id)`.as('customers'),
      ])
      .where(
        (eb) =>
          sql<boolean>`NOT (coalesce((${eb.ref('c.plan_history')} -> e.n::int) ->> 'from' <= ${since}, false))`,
      )
      .where(sql<boolean>`NOT (e.entry->>'plan' = ANY(${known}::text[]))`)
      .executeTakeFirstOrThrow();
    return { plans: row.plans ?? [], customers: Number(row.customers) };
  }

  async findByPhoneNumbers(numbers: string[]): Promise<Map<string, CustomerRecord>> {
    if (numbers.length === 0) return new Map();
    const rows = await this.db.prepared(this.byNumbers.bind({ numbers }));
    return new Map(rows.map((row) => [row.number, toRecord(row)]));
  }

  /** Oldest first, after the cursor: the customers alone, without their numbers. */
  private page(limit: number, after: CustomerListCursor | null) {
    return this.db.kysely
      .selectFrom('customers as c')
      .select(RECORD_COLUMNS)
      .$if(after !== null, (query) =>
        query.where((eb) =>
          eb(eb.refTuple('c.created_at', 'c.id'), '>', eb.tuple(after!.createdAt.toISOString(), after!.id)),
        ),
      )
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(limit);
  }
}

function toRecord(row: RecordRow): CustomerRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    timezone: TimeZone.of(row.timezone),
    planHistory: PlanHistory.fromStored(row.plan_history),
    createdAt: instant(row.created_at),
  };
}

function toCustomer(row: RecordRow, numbers: string[] | null): Customer {
  return Customer.fromStored({
    ...toRecord(row),
    phoneNumbers: (numbers ?? []).map((number) => PhoneNumber.fromStored(number)),
  });
}
