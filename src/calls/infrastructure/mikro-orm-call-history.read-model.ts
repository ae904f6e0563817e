import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, isoInstant } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import { CallHistory, CallHistoryFilter, CallView } from '../application/call-history.read-model';

interface HistoryRow {
  id: string;
  call_id: string;
  phone_number: string;
  destination: string | null;
  started_at: string | Date;
  minutes: number;
  charge: string;
  currency: string;
  covered_by_balance: string | null;
  plan: string;
  period: string;
  received_at: string | Date;
}

/** The call history straight from the history index (customer_id, started_at DESC, id DESC). */
@Injectable()
export class MikroOrmCallHistory extends CallHistory {
  constructor(private readonly db: Database) {
    super();
  }

  async page(filter: CallHistoryFilter): Promise<CallView[]> {
    const conditions = [sql`customer_id = ${filter.customerId}::uuid`];
    if (filter.from) conditions.push(sql`started_at >= ${filter.from}`);
    if (filter.to) conditions.push(sql`started_at < ${filter.to}`);
    if (filter.phoneNumber) conditions.push(sql`phone_number = ${filter.phoneNumber}`);
    if (filter.before) {
      conditions.push(sql`(started_at, id) < (${filter.before.startedAt}, ${filter.before.id}::uuid)`);
    }
    const rows = await this.db.prepared<HistoryRow>(sql`
      SELECT id, call_id, phone_number, destination, started_at, minutes, charge, currency,
             covered_by_balance, plan, period, received_at
      FROM calls WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY started_at DESC, id DESC LIMIT ${filter.limit}`);
    return rows.map((row) => toView(row, filter.customerId));
  }
}

function toView(row: HistoryRow, customerId: string): CallView {
  const view: CallView = {
    id: row.id,
    callId: row.call_id,
    customerId,
    phoneNumber: row.phone_number,
    destination: row.destination,
    startedAt: isoInstant(row.started_at),
    minutes: row.minutes,
    charge: { amount: Money.formatAmount(row.charge), currency: row.currency },
    plan: row.plan,
    period: row.period,
    receivedAt: isoInstant(row.received_at),
  };
  if (row.covered_by_balance !== null) {
    view.coveredByBalance = { amount: Money.formatAmount(row.covered_by_balance), currency: row.currency };
  }
  return view;
}
