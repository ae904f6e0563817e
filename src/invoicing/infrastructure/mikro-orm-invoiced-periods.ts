import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { type CustomerPeriod, InvoicedPeriods } from '../../calls';
import { Database } from '../../shared/database/database';
import type { InvoicingTables } from './invoicing.tables';

/** The calls module's `InvoicedPeriods` port, answered from the invoices' (customer_id, period) key. */
@Injectable()
export class MikroOrmInvoicedPeriods extends InvoicedPeriods {
  constructor(private readonly db: Database<InvoicingTables>) {
    super();
  }

  async invoicedAmong(periods: CustomerPeriod[]): Promise<CustomerPeriod[]> {
    if (periods.length === 0) return [];
    const rows = await this.db.kysely
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
      )
      .select(['k.customer_id', 'k.period'])
      .execute();
    return rows.map((row) => ({ customerId: row.customer_id, period: row.period }));
  }
}
