import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import type { BillingPeriod } from '../../shared/domain/billing-period';
import { InvoicedRange, InvoiceRepository, InvoiceTarget } from '../application/invoice.repository';
import type { IssuedPeriod } from '../domain/call-period-repair';
import type { Invoice } from '../domain/invoice';
import { INVOICE_COLUMNS, toInvoice, toStoredLines } from './invoice.rows';
import type { InvoicingTables } from './invoicing.tables';

/** Invoices and the number counter in PostgreSQL; batches go as one JSON document each. */
@Injectable()
export class MikroOrmInvoiceRepository extends InvoiceRepository {
  constructor(private readonly db: Database<InvoicingTables>) {
    super();
  }

  async invoicedAmong(targets: InvoiceTarget[]): Promise<Set<string>> {
    if (targets.length === 0) return new Set();
    const rows = await this.db.kysely
      .selectFrom(
        sql<{ customer_id: string; period: string }>`json_to_recordset(${JSON.stringify(
          targets.map((target) => ({ customer_id: target.customerId, period: target.period.code })),
        )}::json)`.as<'t'>(sql`t(customer_id uuid, period text)`),
      )
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('invoices')
            .select(sql.lit(true).as('invoiced'))
            .whereRef('invoices.customer_id', '=', 't.customer_id')
            .whereRef('invoices.period', '=', 't.period')
            .limit(1)
            .as('i'),
        (join) => join.onTrue(),
      )
      .select('t.customer_id')
      .execute();
    return new Set(rows.map((row) => row.customer_id));
  }

  async takeSequenceNumbers(count: number): Promise<number> {
    const { last_value: last } = await this.db.kysely
      .updateTable('invoice_number_counter')
      .set({ last_value: sql<string>`last_value + ${count}` })
      .where('id', '=', 1)
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(last) - count + 1;
  }

  /**
   * One JSON document rather than one array per column: JSON.stringify is native, where each array
   * element (the lines most of all) would be quoted and escaped one by one in JavaScript.
   */
  async store(invoices: Invoice[], firstSequence: number): Promise<void> {
    if (invoices.length === 0) return;
    // Dates are turned into text once per period and instant, not once per invoice.
    const columnsOf = periodColumns();
    const instants = new Map<number, string>();
    const rows = invoices.map((invoice, index) => {
      const issuedAt = invoice.issuedAt!.getTime();
      let issued = instants.get(issuedAt);
      if (issued === undefined) {
        issued = invoice.issuedAt!.toISOString();
        instants.set(issuedAt, issued);
      }
      return {
        id: invoice.id,
        number: invoice.number,
        sequence: firstSequence + index,
        customer_id: invoice.customerId,
        ...columnsOf(invoice.period),
        plan: invoice.plan,
        issued_at: issued,
        call_count: invoice.callCount,
        minutes: invoice.minutes,
        billed_seconds: invoice.billedSeconds,
        lines: toStoredLines(invoice.lines),
        total: invoice.total.toString(),
        currency: invoice.total.currency,
      };
    });
    await this.db.kysely
      .insertInto('invoices')
      .columns([
        'id',
        'number',
        'sequence',
        'customer_id',
        'period',
        'period_start',
        'period_end',
        'timezone',
        'plan',
        'issued_at',
        'call_count',
        'minutes',
        'billed_seconds',
        'lines',
        'total',
        'currency',
      ])
      .expression(
        sql`SELECT id, number, sequence, customer_id, period, period_start, period_end, timezone, plan,
                   issued_at, call_count, minutes, billed_seconds, lines, total, currency
            FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(
              id uuid, number text, sequence bigint, customer_id uuid, period text, period_start timestamptz,
              period_end timestamptz, timezone text, plan text, issued_at timestamptz, call_count integer,
              minutes bigint, billed_seconds bigint, lines jsonb, total numeric, currency char(3))`,
      )
      .execute();
  }

  async findById(id: string): Promise<Invoice | null> {
    const row = await this.db.kysely
      .selectFrom('invoices')
      .select(INVOICE_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toInvoice(row) : null;
  }

  async findByCustomerAndPeriod(customerId: string, period: string): Promise<Invoice | null> {
    const row = await this.db.kysely
      .selectFrom('invoices')
      .select(INVOICE_COLUMNS)
      .where('customer_id', '=', customerId)
      .where('period', '=', period)
      .executeTakeFirst();
    return row ? toInvoice(row) : null;
  }

  async listByCustomer(
    customerId: string,
    limit: number,
    after: { period: string; id: string } | null,
  ): Promise<Invoice[]> {
    const rows = await this.db.kysely
      .selectFrom('invoices')
      .select(INVOICE_COLUMNS)
      .where('customer_id', '=', customerId)
      .$if(after !== null, (query) =>
        query.where((eb) => eb(eb.refTuple('period', 'id'), '<', eb.tuple(after!.period, after!.id))),
      )
      .orderBy('period', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toInvoice);
  }

  async customersMissingInvoices(ranges: InvoicedRange[]): Promise<Set<string>> {
    if (ranges.length === 0) return new Set();
    const rows = await this.db.kysely
      .selectFrom(
        sql<{
          customer_id: string;
          from_period: string;
          until_period: string;
          months: number;
        }>`json_to_recordset(${JSON.stringify(
          ranges.map((range) => ({
            customer_id: range.customerId,
            from_period: range.from,
            until_period: range.until,
            months: range.months,
          })),
        )}::json)`.as<'t'>(sql`t(customer_id uuid, from_period text, until_period text, months integer)`),
      )
      .select('t.customer_id')
      .where((eb) =>
        eb(
          eb
            .selectFrom('invoices as i')
            .select(eb.fn.countAll().as('invoiced'))
            .whereRef('i.customer_id', '=', 't.customer_id')
            .whereRef('i.period', '>=', 't.from_period')
            .whereRef('i.period', '<', 't.until_period'),
          '<',
          eb.ref('t.months'),
        ),
      )
      .execute();
    return new Set(rows.map((row) => row.customer_id));
  }

  async invoicedPeriodsOf(customerIds: string[]): Promise<Map<string, Set<string>>> {
    const periods = new Map<string, Set<string>>();
    if (customerIds.length === 0) return periods;
    const rows = await this.db.kysely
      .selectFrom('invoices')
      .select(['customer_id', 'period'])
      .where('customer_id', '=', sql<string>`ANY(${customerIds}::uuid[])`)
      .execute();
    for (const row of rows) {
      const found = periods.get(row.customer_id);
      if (found) found.add(row.period);
      else periods.set(row.customer_id, new Set([row.period]));
    }
    return periods;
  }

  async issuedPeriodsOf(customerIds: string[]): Promise<Map<string, IssuedPeriod[]>> {
    const byCustomer = new Map<string, IssuedPeriod[]>();
    if (customerIds.length === 0) return byCustomer;
    const rows = await this.db.kysely
      .selectFrom('invoices')
      .select(['id', 'customer_id', 'period', 'period_start', 'period_end', 'issued_at'])
      .where('customer_id', '=', sql<string>`ANY(${customerIds}::uuid[])`)
      .execute();
    for (const row of rows) {
      const issued = byCustomer.get(row.customer_id) ?? [];
      issued.push({
        invoiceId: row.id,
        period: row.period,
        start: instant(row.period_start),
        end: instant(row.period_end),
        issuedAt: instant(row.issued_at),
      });
      byCustomer.set(row.customer_id, issued);
    }
    return byCustomer;
  }
}

interface PeriodColumns {
  period: string;
  period_start: string;
  period_end: string;
  timezone: string;
}

/** A batch's invoices share a few BillingPeriod objects: each is turned into text once. */
function periodColumns(): (period: BillingPeriod) => PeriodColumns {
  const known = new Map<BillingPeriod, PeriodColumns>();
  return (period) => {
    let columns = known.get(period);
    if (!columns) {
      columns = {
        period: period.code,
        period_start: period.start.toISOString(),
        period_end: period.end.toISOString(),
        timezone: period.zone.name,
      };
      known.set(period, columns);
    }
    return columns;
  };
}
