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
  OwnedLine,
  PlansOutside,
} from '../application/customer.repository';
import { BillingAddress } from '../domain/billing-address';
import { Customer, type CustomerLine } from '../domain/customer';
import type { Line } from '../domain/line';
import { CustomerNotFoundError, PhoneNumberTakenError } from '../domain/customer.errors';
import { PlanHistory } from '../domain/plan-history';
import type { CustomerRow, CustomersTables } from './customers.tables';

const RECORD_COLUMNS = [
  'c.id',
  'c.name',
  'c.email',
  'c.timezone',
  'c.plan_history',
  'c.billing_address',
  'c.created_at',
] as const;

type RecordRow = Pick<
  CustomerRow,
  'id' | 'name' | 'email' | 'timezone' | 'plan_history' | 'billing_address' | 'created_at'
>;

/** A line as `json_build_object` gives it: instants as ISO strings. */
interface LineJson {
  number: string;
  from: string | null;
  until: string | null;
}

/** The customer's lines, past and present, oldest first, as one JSON array. */
function linesOf(eb: ExpressionBuilder<CustomersTables & { c: CustomersTables['customers'] }, 'c'>) {
  return eb
    .selectFrom('phone_numbers as p')
    .select(
      sql<
        LineJson[]
      >`json_agg(json_build_object('number', p.number, 'from', p.valid_from, 'until', p.valid_until) ORDER BY p.added_at, p.number)`.as(
        'lines',
      ),
    )
    .whereRef('p.customer_id', '=', 'c.id')
    .as('lines');
}

const LINE_COLUMNS = ['p.number', 'p.customer_id', 'p.valid_from', 'p.valid_until'] as const;

interface LineRow {
  number: string;
  customer_id: string;
  valid_from: Date | string | null;
  valid_until: Date | string | null;
}

@Injectable()
export class MikroOrmCustomerRepository extends CustomerRepository {
  /** Hot reads (a customer by id; the owners of a batch's lines), compiled once. */
  private readonly byId: HotStatement<{ id: string }, RecordRow & { lines: LineJson[] | null }>;
  private readonly byNumbers: HotStatement<{ numbers: string[] }, RecordRow & LineRow>;

  constructor(
    private readonly db: Database<CustomersTables>,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
    this.byId = new HotStatement((p: { id: string }) =>
      db.kysely.selectFrom('customers as c').select(RECORD_COLUMNS).select(linesOf).where('c.id', '=', p.id),
    );
    this.byNumbers = new HotStatement((p: { numbers: string[] }) =>
      db.kysely
        .selectFrom('phone_numbers as p')
        .innerJoin('customers as c', 'c.id', 'p.customer_id')
        .select([...LINE_COLUMNS, ...RECORD_COLUMNS])
        .where('p.number', '=', sql<string>`ANY(${p.numbers}::text[])`),
    );
  }

  add(customer: Customer): Promise<void> {
    // Lines given at registration are open both ways (Customer.register).
    const numbers = customer.lines.map((line) => line.number.e164);
    return this.unitOfWork.transactional(async () => {
      await this.db.kysely
        .insertInto('customers')
        .values({
          id: customer.id,
          name: customer.name,
          email: customer.email,
          timezone: customer.timezone.name,
          plan_history: JSON.stringify(customer.planHistory.entries),
          billing_address: addressJson(customer),
          created_at: customer.createdAt,
        })
        .execute();
      if (numbers.length === 0) return;
      const inserted = await this.db.kysely
        .insertInto('phone_numbers')
        .columns(['id', 'number', 'customer_id', 'added_at'])
        .expression(
          sql`SELECT gen_random_uuid(), number, ${customer.id}::uuid, ${customer.createdAt}::timestamptz FROM unnest(${numbers}::text[]) AS number`,
        )
        // No conflict target: the exclusion constraint's refusals are skipped too.
        .onConflict((conflict) => conflict.doNothing())
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
    return row ? toCustomer(row, row.lines) : null;
  }

  async list(limit: number, after: CustomerListCursor | null): Promise<Customer[]> {
    const rows = await this.page(limit, after).select(linesOf).execute();
    return rows.map((row) => toCustomer(row, row.lines));
  }

  async listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]> {
    return (await this.page(limit, after).execute()).map(toRecord);
  }

  async addLine(customerId: string, number: PhoneNumber, from: Date | null, now: Date): Promise<boolean> {
    // The exclusion constraint decides, also between concurrent requests: an overlapping line makes
    // the insert do nothing (no conflict target covers exclusion constraints too).
    const inserted = await this.db.kysely
      .insertInto('phone_numbers')
      .values({
        id: sql<string>`gen_random_uuid()`,
        number: number.e164,
        customer_id: customerId,
        added_at: now,
        valid_from: from,
        valid_until: null,
      })
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .execute()
      .catch((error: unknown) => {
        // The line references its customer: no customer, no line.
        throw isForeignKeyViolation(error) ? new CustomerNotFoundError(customerId) : error;
      });
    return inserted.length > 0;
  }

  async linesOfNumber(number: string): Promise<Line[]> {
    const rows = await this.db.kysely
      .selectFrom('phone_numbers as p')
      .select(LINE_COLUMNS)
      .where('p.number', '=', number)
      .orderBy('p.added_at')
      .execute();
    return rows.map(toLine);
  }

  async releaseLine(customerId: string, number: string, at: Date): Promise<boolean> {
    const updated = await this.db.kysely
      .updateTable('phone_numbers')
      .set({ valid_until: at })
      .where('number', '=', number)
      .where('customer_id', '=', customerId)
      .where('valid_until', 'is', null)
      .returning('id')
      .execute();
    return updated.length > 0;
  }

  async savePlanHistory(customer: Customer): Promise<void> {
    await this.db.kysely
      .updateTable('customers')
      .set({ plan_history: JSON.stringify(customer.planHistory.entries) })
      .where('id', '=', customer.id)
      .execute();
  }

  async saveBillingAddress(customer: Customer): Promise<void> {
    await this.db.kysely
      .updateTable('customers')
      .set({ billing_address: addressJson(customer) })
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

  async findLinesOf(numbers: string[]): Promise<OwnedLine[]> {
    if (numbers.length === 0) return [];
    const rows = await this.db.prepared(this.byNumbers.bind({ numbers }));
    return rows.map((row) => ({ ...toLine(row), owner: toRecord(row) }));
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
    billingAddress: addressOf(row),
    createdAt: instant(row.created_at),
  };
}

function toLine(row: LineRow): Line {
  return {
    number: row.number,
    customerId: row.customer_id,
    from: row.valid_from === null ? null : instant(row.valid_from),
    until: row.valid_until === null ? null : instant(row.valid_until),
  };
}

function toCustomer(row: RecordRow, lines: LineJson[] | null): Customer {
  return Customer.fromStored({
    ...toRecord(row),
    lines: (lines ?? []).map((line): CustomerLine => ({
      number: PhoneNumber.fromStored(line.number),
      from: line.from === null ? null : new Date(line.from),
      until: line.until === null ? null : new Date(line.until),
    })),
  });
}

function addressOf(row: Pick<CustomerRow, 'billing_address'>): BillingAddress | null {
  return row.billing_address ? BillingAddress.fromStored(row.billing_address) : null;
}

/** The address as a JSON document, or SQL NULL (not the JSON null) when there is none. */
function addressJson(customer: Customer): string | null {
  return customer.billingAddress ? JSON.stringify(customer.billingAddress.fields) : null;
}
