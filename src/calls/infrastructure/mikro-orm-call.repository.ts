import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { arrayLiteral } from '../../shared/database/array-literal';
import { Database, instant } from '../../shared/database/database';
import { HotStatement } from '../../shared/database/hot-statement';
import { Money } from '../../shared/domain/money';
import { CallRepository, StoredOutcome } from '../application/call.repository';
import { Call } from '../domain/call';
import type { CallRow, CallsTables } from './calls.tables';

const CALL_COLUMNS = [
  'id',
  'call_id',
  'customer_id',
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

/**
 * Calls in PostgreSQL, written set-wise: one INSERT ... SELECT FROM unnest(...) per batch, with
 * ON CONFLICT (call_id) DO NOTHING as the race-free idempotency check.
 */
@Injectable()
export class MikroOrmCallRepository extends CallRepository {
  /** The hot statement, compiled once; a named prepared statement when it runs outside a unit of work. */
  private readonly insertStatement: HotStatement<CallColumns, { call_id: string }>;

  constructor(private readonly db: Database<CallsTables>) {
    super();
    this.insertStatement = new HotStatement((p: CallColumns) =>
      db.kysely
        .insertInto('calls')
        .columns([
          'id',
          'call_id',
          'customer_id',
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
          'plan',
          'period',
          'received_at',
        ])
        .expression(
          sql`SELECT * FROM unnest(
            ${p.ids}::uuid[], ${p.callIds}::text[], ${p.customerIds}::uuid[], ${p.phoneNumbers}::text[],
            ${p.destinations}::text[], ${p.startedAts}::timestamptz[], ${p.minutes}::integer[],
            ${p.durations}::integer[], ${p.billedSeconds}::integer[], ${p.rateGroups}::text[],
            ${p.ratesPerMinute}::numeric[], ${p.charges}::numeric[], ${p.currencies}::char(3)[], ${p.plans}::text[],
            ${p.periods}::text[], ${p.receivedAts}::timestamptz[])`,
        )
        .onConflict((conflict) => conflict.column('call_id').doNothing())
        .returning('call_id'),
    );
  }

  async record(calls: Call[]): Promise<Map<string, StoredOutcome>> {
    const inserted = new Set((await this.insert(calls)).map((row) => row.call_id));
    const outcomes = new Map<string, StoredOutcome>();
    for (const call of calls)
      if (inserted.has(call.callId)) outcomes.set(call.callId, { inserted: true, call });
    const existing = calls.filter((call) => !inserted.has(call.callId)).map((call) => call.callId);
    for (const [callId, call] of await this.findByCallIds(existing))
      outcomes.set(callId, { inserted: false, call });
    return outcomes;
  }

  async findByCallIds(callIds: string[]): Promise<Map<string, Call>> {
    if (callIds.length === 0) return new Map();
    const rows = await this.db.kysely
      .selectFrom('calls')
      .select(CALL_COLUMNS)
      .where('call_id', '=', sql<string>`ANY(${callIds}::text[])`)
      .execute();
    return new Map(rows.map((row) => [row.call_id, toCall(row)]));
  }

  async setCoveredByBalance(covered: ReadonlyMap<string, Money>): Promise<void> {
    if (covered.size === 0) return;
    const ids = [...covered.keys()];
    await this.db.kysely
      .updateTable('calls')
      .from(
        sql<{
          id: string;
          covered: string;
        }>`unnest(${ids}::uuid[], ${ids.map((id) => covered.get(id)!.toString())}::numeric[])`.as<'v'>(
          sql`v(id, covered)`,
        ),
      )
      .set((eb) => ({ covered_by_balance: eb.ref('v.covered') }))
      .whereRef('calls.id', '=', 'v.id')
      .execute();
  }

  async markLate(callIds: string[]): Promise<void> {
    if (callIds.length === 0) return;
    await this.db.kysely
      .updateTable('calls')
      .set({ late: true })
      .where('id', '=', sql<string>`ANY(${callIds}::uuid[])`)
      .execute();
  }

  private insert(calls: Call[]): Promise<{ call_id: string }[]> {
    const isoOf = sameValueMemo((date: Date) => date.toISOString());
    const formatOf = sameValueMemo((money: Money) => money.toString());
    return this.db.prepared(
      this.insertStatement.bind({
        ids: arrayLiteral(calls.map((c) => c.id)),
        callIds: arrayLiteral(calls.map((c) => c.callId)),
        customerIds: arrayLiteral(calls.map((c) => c.customerId)),
        phoneNumbers: arrayLiteral(calls.map((c) => c.phoneNumber)),
        destinations: arrayLiteral(calls.map((c) => c.destination)),
        startedAts: arrayLiteral(calls.map((c) => c.startedAt.toISOString())),
        minutes: arrayLiteral(calls.map((c) => c.minutes)),
        durations: arrayLiteral(calls.map((c) => c.durationSeconds)),
        billedSeconds: arrayLiteral(calls.map((c) => c.billedSeconds)),
        rateGroups: arrayLiteral(calls.map((c) => c.rate.group)),
        ratesPerMinute: arrayLiteral(calls.map((c) => formatOf(c.rate.ratePerMinute))),
        charges: arrayLiteral(calls.map((c) => formatOf(c.charge))),
        currencies: arrayLiteral(calls.map((c) => c.charge.currency)),
        plans: arrayLiteral(calls.map((c) => c.plan)),
        periods: arrayLiteral(calls.map((c) => c.period)),
        receivedAts: arrayLiteral(calls.map((c) => isoOf(c.receivedAt))),
      }),
    );
  }
}

/**
 * The inserted columns, each one array literal (unnest turns them into rows): `arrayLiteral`
 * builds them in one join each, where pg would concatenate element by element.
 */
interface CallColumns {
  ids: string;
  callIds: string;
  customerIds: string;
  phoneNumbers: string;
  destinations: string;
  startedAts: string;
  minutes: string;
  durations: string;
  billedSeconds: string;
  rateGroups: string;
  ratesPerMinute: string;
  charges: string;
  currencies: string;
  plans: string;
  periods: string;
  receivedAts: string;
}

/**
 * `format` remembered for the last value it was given: a batch's calls share one `receivedAt` and
 * a rate's Money, so most are formatted once. Values are immutable (Money) or not mutated here.
 */
function sameValueMemo<T, R>(format: (value: T) => R): (value: T) => R {
  let last: T | undefined;
  let lastResult: R | undefined;
  return (value) => {
    if (value !== last) {
      lastResult = format(value);
      last = value;
    }
    return lastResult!;
  };
}

function toCall(row: Pick<CallRow, (typeof CALL_COLUMNS)[number]>): Call {
  return {
    id: row.id,
    callId: row.call_id,
    customerId: row.customer_id,
    phoneNumber: row.phone_number,
    destination: row.destination,
    startedAt: instant(row.started_at),
    durationSeconds: row.duration_seconds,
    minutes: row.minutes,
    billedSeconds: row.billed_seconds,
    rate: { group: row.rate_group, ratePerMinute: Money.of(row.rate_per_minute, row.currency) },
    charge: Money.of(row.charge, row.currency),
    coveredByBalance: row.covered_by_balance === null ? null : Money.of(row.covered_by_balance, row.currency),
    plan: row.plan,
    period: row.period,
    receivedAt: instant(row.received_at),
  };
}
