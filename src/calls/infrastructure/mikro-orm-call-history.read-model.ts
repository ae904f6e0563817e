import { Injectable } from '@nestjs/common';
import { Database, isoInstant } from '../../shared/database/database';
import { HotStatement } from '../../shared/database/hot-statement';
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
  'duration_seconds',
  'billed_seconds',
  'rate_group',
  'rate_per_minute',
  'charge',
  'currency',
  'covered_by_balance',
  'plan',
  'period',
  'received_at',
] as const;

/** A call as the API shows it, read from these columns. */
export type HistoryRow = Pick<CallRow, (typeof HISTORY_COLUMNS)[number]>;

/** The call history straight from the history index (customer_id, started_at DESC, id DESC). */
@Injectable()
export class MikroOrmCallHistory extends CallHistory {
  /** One statement per combination of filters, compiled once. */
  private readonly statements = new Map<string, HotStatement<PageParams, HistoryRow>>();

  constructor(private readonly db: Database<CallsTables>) {
    super();
  }

  async page(filter: CallHistoryFilter): Promise<CallView[]> {
    const rows = await this.db.prepared(
      this.statementFor(filter).bind({
        customerId: filter.customerId,
        from: filter.from?.toISOString() ?? '',
        to: filter.to?.toISOString() ?? '',
        phoneNumber: filter.phoneNumber ?? '',
        beforeStartedAt: filter.before?.startedAt.toISOString() ?? '',
        beforeId: filter.before?.id ?? '',
        limit: filter.limit,
      }),
    );
    return rows.map((row) => callViewOf(row, filter.customerId));
  }

  private statementFor({
    from,
    to,
    phoneNumber,
    before,
  }: CallHistoryFilter): HotStatement<PageParams, HistoryRow> {
    const shape = [from, to, phoneNumber, before].map((part) => (part === null ? '-' : '+')).join('');
    let statement = this.statements.get(shape);
    if (!statement) {
      statement = new HotStatement((p: PageParams) =>
        this.db.kysely
          .selectFrom('calls')
          .select(HISTORY_COLUMNS)
          .where('customer_id', '=', p.customerId)
          .$if(from !== null, (query) => query.where('started_at', '>=', p.from))
          .$if(to !== null, (query) => query.where('started_at', '<', p.to))
          .$if(phoneNumber !== null, (query) => query.where('phone_number', '=', p.phoneNumber))
          .$if(before !== null, (query) =>
            query.where((eb) =>
              eb(eb.refTuple('started_at', 'id'), '<', eb.tuple(p.beforeStartedAt, p.beforeId)),
            ),
          )
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .limit(p.limit),
      );
      this.statements.set(shape, statement);
    }
    return statement;
  }
}

/** A page's parameters; those of filters the statement lacks are not sent. */
interface PageParams {
  customerId: string;
  from: string;
  to: string;
  phoneNumber: string;
  beforeStartedAt: string;
  beforeId: string;
  limit: number;
}

/** The stored row as the API shows the call (amounts and instants formatted without a round trip). */
export function callViewOf(row: HistoryRow, customerId: string): CallView {
  const view: CallView = {
    id: row.id,
    callId: row.call_id,
    customerId,
    phoneNumber: row.phone_number,
    destination: row.destination,
    startedAt: isoInstant(row.started_at),
    minutes: row.minutes,
    durationSeconds: row.duration_seconds,
    billedSeconds: row.billed_seconds,
    rate: { group: row.rate_group, ratePerMinute: Money.formatAmount(row.rate_per_minute) },
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
