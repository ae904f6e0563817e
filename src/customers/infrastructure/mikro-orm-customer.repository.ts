import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import { isUniqueViolation } from '../../shared/database/postgres-errors';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { TimeZone } from '../../shared/domain/time-zone';
import {
  CustomerListCursor,
  CustomerRecord,
  CustomerRepository,
  PlansOutside,
} from '../application/customer.repository';
import { BillingAddress, type StoredBillingAddress } from '../domain/billing-address';
import { Customer } from '../domain/customer';
import { PhoneNumberTakenError } from '../domain/customer.errors';
import { PlanEntry, PlanHistory } from '../domain/plan-history';

interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  timezone: string;
  plan_history: PlanEntry[];
  billing_address: StoredBillingAddress | null;
  created_at: string | Date;
  phone_numbers: string[] | null;
}

const SELECT_CUSTOMER = sql`
  SELECT c.id, c.name, c.email, c.timezone, c.plan_history, c.billing_address, c.created_at,
         (SELECT array_agg(p.number ORDER BY p.added_at, p.number) FROM phone_numbers p WHERE p.customer_id = c.id) AS phone_numbers
  FROM customers c`;

@Injectable()
export class MikroOrmCustomerRepository extends CustomerRepository {
  constructor(private readonly db: Database) {
    super();
  }

  async add(customer: Customer): Promise<void> {
    const numbers = customer.phoneNumbers.map((number) => number.e164);
    try {
      await this.db.transaction(async (tx) => {
        await tx.rows(sql`
          INSERT INTO customers (id, name, email, timezone, plan_history, billing_address, created_at)
          VALUES (${customer.id}, ${customer.name}, ${customer.email}, ${customer.timezone.name},
                  ${JSON.stringify(customer.planHistory.entries)}::jsonb, ${addressJson(customer)}::jsonb,
                  ${customer.createdAt})`);
        if (numbers.length > 0) {
          await tx.rows(sql`
            INSERT INTO phone_numbers (number, customer_id, added_at)
            SELECT number, ${customer.id}, ${customer.createdAt} FROM unnest(${numbers}::text[]) AS number`);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error, 'phone_numbers_pkey'))
        throw new PhoneNumberTakenError(await this.takenOf(numbers));
      throw error;
    }
  }

  async findById(id: string): Promise<Customer | null> {
    const [row] = await this.db.prepared<CustomerRow>(sql`${SELECT_CUSTOMER} WHERE c.id = ${id}`);
    return row ? toCustomer(row) : null;
  }

  async list(limit: number, after: CustomerListCursor | null): Promise<Customer[]> {
    const rows = await this.db.rows<CustomerRow>(
      after
        ? sql`${SELECT_CUSTOMER} WHERE (c.created_at, c.id) > (${after.createdAt}, ${after.id}::uuid)
              ORDER BY c.created_at, c.id LIMIT ${limit}`
        : sql`${SELECT_CUSTOMER} ORDER BY c.created_at, c.id LIMIT ${limit}`,
    );
    return rows.map(toCustomer);
  }

  async listRecords(limit: number, after: CustomerListCursor | null): Promise<CustomerRecord[]> {
    const select = sql`SELECT c.id, c.name, c.email, c.timezone, c.plan_history, c.billing_address, c.created_at FROM customers c`;
    const rows = await this.db.rows<Omit<CustomerRow, 'phone_numbers'>>(
      after
        ? sql`${select} WHERE (c.created_at, c.id) > (${after.createdAt}, ${after.id}::uuid)
              ORDER BY c.created_at, c.id LIMIT ${limit}`
        : sql`${select} ORDER BY c.created_at, c.id LIMIT ${limit}`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      timezone: TimeZone.of(row.timezone),
      planHistory: PlanHistory.fromStored(row.plan_history),
      billingAddress: addressOf(row),
      createdAt: instant(row.created_at),
    }));
  }

  async addPhoneNumber(customerId: string, number: PhoneNumber, now: Date): Promise<void> {
    const inserted = await this.db.rows<{ customer_id: string }>(sql`
      INSERT INTO phone_numbers (number, customer_id, added_at) VALUES (${number.e164}, ${customerId}, ${now})
      ON CONFLICT (number) DO NOTHING RETURNING customer_id`);
    if (inserted.length > 0) return;
    const [owner] = await this.db.rows<{ customer_id: string }>(
      sql`SELECT customer_id FROM phone_numbers WHERE number = ${number.e164}`,
    );
    if (owner?.customer_id !== customerId) throw new PhoneNumberTakenError(number.e164);
  }

  async savePlanHistory(customer: Customer): Promise<void> {
    await this.db.rows(sql`
      UPDATE customers SET plan_history = ${JSON.stringify(customer.planHistory.entries)}::jsonb
      WHERE id = ${customer.id}`);
  }

  async saveBillingAddress(customer: Customer): Promise<void> {
    await this.db.rows(sql`
      UPDATE customers SET billing_address = ${addressJson(customer)}::jsonb WHERE id = ${customer.id}`);
  }

  async onPlansOutside(known: string[], since: string): Promise<PlansOutside> {
    // A history entry counts unless the next one was already in force during `since` (PlanHistory.plansFrom).
    const [row] = await this.db.rows<{ plans: string[] | null; customers: string }>(sql`
      SELECT array_agg(DISTINCT e.entry->>'plan' ORDER BY e.entry->>'plan') AS plans, count(DISTINCT c.id) AS customers
      FROM customers c
      CROSS JOIN LATERAL jsonb_array_elements(c.plan_history) WITH ORDINALITY AS e(entry, n)
      WHERE NOT (coalesce((c.plan_history -> e.n::int) ->> 'from' <= ${since}, false))
        AND NOT (e.entry->>'plan' = ANY(${known}::text[]))`);
    return { plans: row.plans ?? [], customers: Number(row.customers) };
  }

  async findByPhoneNumbers(numbers: string[]): Promise<Map<string, Customer>> {
    if (numbers.length === 0) return new Map();
    const rows = await this.db.prepared<CustomerRow & { number: string }>(sql`
      SELECT p.number, c.id, c.name, c.email, c.timezone, c.plan_history, c.billing_address, c.created_at,
             NULL AS phone_numbers
      FROM phone_numbers p JOIN customers c ON c.id = p.customer_id
      WHERE p.number = ANY(${numbers}::text[])`);
    return new Map(rows.map((row) => [row.number, toCustomer(row)]));
  }

  private async takenOf(numbers: string[]): Promise<string> {
    const [taken] = await this.db.rows<{ number: string }>(
      sql`SELECT number FROM phone_numbers WHERE number = ANY(${numbers}::text[]) LIMIT 1`,
    );
    return taken?.number ?? numbers[0];
  }
}

function toCustomer(row: CustomerRow): Customer {
  return Customer.fromStored({
    id: row.id,
    name: row.name,
    email: row.email,
    timezone: TimeZone.of(row.timezone),
    planHistory: PlanHistory.fromStored(row.plan_history),
    phoneNumbers: (row.phone_numbers ?? []).map((number) => PhoneNumber.fromStored(number)),
    billingAddress: addressOf(row),
    createdAt: instant(row.created_at),
  });
}

function addressOf(row: Pick<CustomerRow, 'billing_address'>): BillingAddress | null {
  return row.billing_address ? BillingAddress.fromStored(row.billing_address) : null;
}

/** The address as a JSON document, or SQL NULL (not the JSON null) when there is none. */
function addressJson(customer: Customer): string | null {
  return customer.billingAddress ? JSON.stringify(customer.billingAddress.fields) : null;
}
