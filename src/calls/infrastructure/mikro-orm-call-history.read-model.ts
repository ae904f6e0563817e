import { Injectable } from '@nestjs/common';
import { Database, isoInstant } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import { CallHistory, CallHistoryFilter, CallView } from '../application/call-history.read-model';
import type { CallRow, CallsTables } from './calls.tables';

const HISTORY_COLUMNS = [
  'id',
  'call_id',
  'phone_number',
  'destination',
  'started_at',
  'minutes',
  'charge',
  'currency',
  'covered_by_balance',
  'plan',
  'period',
  'received_at',
] as const;

type HistoryRow = Pick<CallRow, (typeof HISTORY_COLUMNS)[number]>;

/** The call history straight from the history index (customer_id, started_at DESC, id DESC). */
@Injectable()
export class MikroOrmCallHistory extends CallHistory {
  constructor(private readonly db: Database<CallsTables>) {
    super();
  }

  async page(filter: CallHistoryFilter): Promise<CallView[]> {
    const { from, to, phoneNumber, before } = filter;
    const rows = await this.db.prepared(
      this.db.kysely
        .selectFrom('calls')
        .select(HISTORY_COLUMNS)
        .where('customer_id', '=', filter.customerId)
        .$if(from !== null, (query) => query.where('started_at', '>=', from!.toISOString()))
        .$if(to !== null, (query) => query.where('started_at', '<', to!.toISOString()))
        .$if(phoneNumber !== null, (query) => query.where('phone_number', '=', phoneNumber!))
        .$if(before !== null, (query) =>
          query.where((eb) =>
            eb(eb.refTuple('started_at', 'id'), '<', eb.tuple(before!.startedAt.toISOString(), before!.id)),
          ),
        )
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit),
    );
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
