import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { type CustomerPeriod, InvoicedPeriods, type IssuedPeriodInvoice } from '../../calls';
import { Database, instant } from '../../shared/database/database';
import type { InvoicingTables } from './invoicing.tables';

/** The calls module's `InvoicedPeriods` port, answered from the invoices' (customer_id, period) key. */
@Injectable()
export class MikroOrmInvoicedPeriods extends InvoicedPeriods {
  constructor(private readonly db: Database<InvoicingTables>) {
    super();
  }

  async invoicedAmong(periods: CustomerPeriod[]): Promise<CustomerPeriod[]> {
    if (periods.length === 0) return [];
    const rows = await this.matching(periods).select(['k.customer_id', 'k.period']).execute();
    return rows.map((row) => ({ customerId: row.customer_id, period: row.period }));
  }

  async invoicesOf(periods: CustomerPeriod[]): Promise<IssuedPeriodInvoice[]> {
    if (periods.length === 0) return [];
    const rows = await this.matching(periods)
      .select([
        'k.customer_id',
        'k.period',
        'i.id',
        'i.period_start',
        'i.period_end',
        'i.call_count',
        'i.billed_seconds',
      ])
      .execute();
    return rows.map((row) => ({
      customerId: row.customer_id,
      period: row.period,
      invoiceId: row.id,
      periodStart: instant(row.period_start),
      periodEnd: instant(row.period_end),
      callCount: row.call_count,
      billedSeconds: Number(row.billed_seconds),
    }));
  }

  async customersOfInvoices(invoiceIds: string[]): Promise<Map<string, string>> {
    if (invoiceIds.length === 0) return new Map();
    const rows = await this.db.kysely
      .selectFrom('invoices')
      .select(['id', 'customer_id'])
      .where('id', '=', sql<string>`ANY(${invoiceIds}::uuid[])`)
      .execute();
    return new Map(rows.map((row) => [row.id, row.customer_id]));
  }

  /** The invoices of these periods, probed on the (customer_id, period) key. */
  private matching(periods: CustomerPeriod[]) {
    return this.db.kysely
      .selectFrom(
        sql<{
          customer_id: string;
          period: string;
        }>`unnest(${periods.map((p) => p.customerId)}::uuid[], ${periods.map((p) => p.period)}::text[])`.as<'k'>(
          sql`k(customer_id, period)`,
        ),
      )
      .innerJoin('invoices as i', (join) =>
        join.onRef('i.customer_id', '=', 'k.customer_id').onRef('i.period', '=', 'k.period'),
      );
  }
}
