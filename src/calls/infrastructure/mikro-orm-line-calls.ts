import { Injectable } from '@nestjs/common';
import { LineCalls } from '../../customers';
import { Database, instant } from '../../shared/database/database';
import type { CallsTables } from './calls.tables';

/**
 * The customers module's `LineCalls` port on the calls table: the customer's calls newest first
 * (the history index, customer_id, started_at DESC), the first from that number.
 */
@Injectable()
export class MikroOrmLineCalls extends LineCalls {
  constructor(private readonly db: Database<CallsTables>) {
    super();
  }

  async latestCallStart(customerId: string, number: string): Promise<Date | null> {
    const row = await this.db.kysely
      .selectFrom('calls')
      .select('started_at')
      .where('customer_id', '=', customerId)
      .where('phone_number', '=', number)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? instant(row.started_at) : null;
  }
}
