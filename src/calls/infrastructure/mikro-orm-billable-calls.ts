import { Injectable } from '@nestjs/common';
import { type ExpressionBuilder, sql } from 'kysely';
import { Database } from '../../shared/database/database';
import type { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import {
  BillableCalls,
  BillingTarget,
  CallCharges,
  CallsBefore,
  LateCallClaim,
} from '../application/billable-calls.port';
import type { CallRow, CallsTables } from './calls.tables';

/** Calls summed per customer, period and rate, as the statements below answer them (sums are numeric text). */
type ChargesRow = Pick<CallRow, 'customer_id' | 'period' | 'rate_group' | 'rate_per_minute' | 'currency'> & {
  minutes: string;
  billed_seconds: string;
  call_count: string;
  charge: string;
  covered: string | null;
};

/**
 * The calls table as billing reads it, set-wise: the targets go to PostgreSQL as one JSON document
 * (`json_to_recordset`), and a period's calls are read as the started_at range of the history index
 * (customer_id, started_at), which includes the summed columns, so the read is index-only.
 */
@Injectable()
export class MikroOrmBillableCalls extends BillableCalls {
  constructor(private readonly db: Database<CallsTables>) {
    super();
  }

  async usageOf(targets: BillingTarget[]): Promise<Map<string, CallCharges[]>> {
    if (targets.length === 0) return new Map();
    const rows = await this.db.kysely
      .selectFrom(targetsOf(targets))
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('calls as c')
            .select(['c.period', 'c.rate_group', 'c.rate_per_minute', 'c.currency'])
            .select(sums)
            .whereRef('c.customer_id', '=', 't.customer_id')
            .whereRef('c.started_at', '>=', 't.period_start')
            .whereRef('c.started_at', '<', 't.period_end')
            .where((eb) => eb.not('c.late'))
            .groupBy(['c.period', 'c.rate_group', 'c.rate_per_minute', 'c.currency'])
            .as('g'),
        (join) => join.onTrue(),
      )
      .select([
        't.customer_id',
        'g.period',
        'g.rate_group',
        'g.rate_per_minute',
        'g.currency',
        'g.minutes',
        'g.billed_seconds',
        'g.call_count',
        'g.charge',
        'g.covered',
      ])
      .execute();
    return byCustomer(rows);
  }

  async claimLateCalls(claims: LateCallClaim[]): Promise<Map<string, CallCharges[]>> {
    if (claims.length === 0) return new Map();
    const rows = await this.db.kysely
      .with('claimed', (db) =>
        db
          .updateTable('calls')
          .from(
            sql<{
              customer_id: string;
              period: string;
              invoice_id: string;
            }>`json_to_recordset(${JSON.stringify(
              claims.map((claim) => ({
                customer_id: claim.customerId,
                period: claim.period,
                invoice_id: claim.invoiceId,
              })),
            )}::json)`.as<'t'>(sql`t(customer_id uuid, period text, invoice_id uuid)`),
          )
          .set((eb) => ({ late_invoice_id: eb.ref('t.invoice_id') }))
          .whereRef('calls.customer_id', '=', 't.customer_id')
          .where('calls.late', '=', true)
          .where('calls.late_invoice_id', 'is', null)
          .whereRef('calls.period', '<', 't.period')
          .returning([
            'calls.customer_id',
            'calls.period',
            'calls.rate_group',
            'calls.rate_per_minute',
            'calls.currency',
            'calls.minutes',
            'calls.billed_seconds',
            'calls.charge',
            'calls.covered_by_balance',
          ]),
      )
      .selectFrom('claimed as c')
      .select(['c.customer_id', 'c.period', 'c.rate_group', 'c.rate_per_minute', 'c.currency'])
      .select(sums)
      .groupBy(['c.customer_id', 'c.period', 'c.rate_group', 'c.rate_per_minute', 'c.currency'])
      .execute();
    return byCustomer(rows);
  }

  async unbilledLateCalls(customerId: string, period: string): Promise<CallCharges[]> {
    const rows = await this.db.kysely
      .selectFrom('calls as c')
      .select(['c.customer_id', 'c.period', 'c.rate_group', 'c.rate_per_minute', 'c.currency'])
      .select(sums)
      .where('c.customer_id', '=', customerId)
      .where('c.late', '=', true)
      .where('c.late_invoice_id', 'is', null)
      .where('c.period', '<', period)
      .groupBy(['c.customer_id', 'c.period', 'c.rate_group', 'c.rate_per_minute', 'c.currency'])
      .execute();
    return rows.map(toCharges);
  }

  async customersWithCallsIn(targets: BillingTarget[]): Promise<Set<string>> {
    if (targets.length === 0) return new Set();
    const rows = await this.db.kysely
      .selectFrom(targetsOf(targets))
      .select('t.customer_id')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('calls as c')
            .select(sql.lit(1).as('one'))
            .whereRef('c.customer_id', '=', 't.customer_id')
            .whereRef('c.started_at', '>=', 't.period_start')
            .whereRef('c.started_at', '<', 't.period_end'),
        ),
      )
      .execute();
    return new Set(rows.map((row) => row.customer_id));
  }

  async customersWithCallsBefore(windows: CallsBefore[]): Promise<Set<string>> {
    if (windows.length === 0) return new Set();
    // A lateral probe with LIMIT 1: one descent of the history index per customer, whatever the
    // planner thinks of the JSON document's row count.
    const rows = await this.db.kysely
      .selectFrom(windowsOf(windows))
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('calls as c')
            .select(sql.lit(1).as('one'))
            .whereRef('c.customer_id', '=', 't.customer_id')
            .whereRef('c.started_at', '<', 't.before')
            .limit(1)
            .as('earlier'),
        (join) => join.onTrue(),
      )
      .select('t.customer_id')
      .execute();
    return new Set(rows.map((row) => row.customer_id));
  }

  async periodsOfCallsBefore(windows: CallsBefore[]): Promise<Map<string, string[]>> {
    const periods = new Map<string, string[]>();
    if (windows.length === 0) return periods;
    // A loose index scan of (customer_id, started_at DESC): from each customer's newest call before
    // the instant, one step back per period to the newest call of an earlier one. A period starts
    // within a day of its UTC month's start, so the step's filter skips at most that day's calls.
    const rows = await this.db.kysely
      .withRecursive('earlier(customer_id, period, started_at)', (db) =>
        db
          .selectFrom(windowsOf(windows))
          .innerJoinLateral(
            (eb) =>
              eb
                .selectFrom('calls as c')
                .select(['c.period', 'c.started_at'])
                .whereRef('c.customer_id', '=', 't.customer_id')
                .whereRef('c.started_at', '<', 't.before')
                .orderBy('c.started_at', 'desc')
                .limit(1)
                .as('newest'),
            (join) => join.onTrue(),
          )
          .select(['t.customer_id', 'newest.period', 'newest.started_at'])
          .unionAll((db) =>
            db
              .selectFrom('earlier as e')
              .innerJoinLateral(
                (eb) =>
                  eb
                    .selectFrom('calls as c')
                    .select(['c.period', 'c.started_at'])
                    .whereRef('c.customer_id', '=', 'e.customer_id')
                    .whereRef('c.period', '<', 'e.period')
                    .where(
                      'c.started_at',
                      '<',
                      sql<string>`(e.period || '-01 00:00:00+00')::timestamptz + interval '1 day'`,
                    )
                    .orderBy('c.started_at', 'desc')
                    .limit(1)
                    .as('previous'),
                (join) => join.onTrue(),
              )
              .select(['e.customer_id', 'previous.period', 'previous.started_at']),
          ),
      )
      .selectFrom('earlier')
      .select(['customer_id', 'period'])
      .execute();
    for (const row of rows) {
      const found = periods.get(row.customer_id);
      if (found) found.push(row.period);
      else periods.set(row.customer_id, [row.period]);
    }
    return periods;
  }
}

/** sum(minutes), sum(billed_seconds), count(*), sum(charge), sum(covered_by_balance) of the calls in `c`. */
function sums(
  eb: ExpressionBuilder<
    { c: { minutes: number; billed_seconds: number; charge: string; covered_by_balance: string | null } },
    'c'
  >,
) {
  return [
    eb.fn.sum<string>('c.minutes').as('minutes'),
    eb.fn.sum<string>('c.billed_seconds').as('billed_seconds'),
    eb.fn.countAll<string>().as('call_count'),
    eb.fn.sum<string>('c.charge').as('charge'),
    eb.fn.sum<string | null>('c.covered_by_balance').as('covered'),
  ];
}

/** The targets as a relation `t(customer_id, period_start, period_end)`, sent as one JSON document. */
function targetsOf(targets: BillingTarget[]) {
  const boundsOf = periodBounds();
  const rows = targets.map((target) => ({ customer_id: target.customerId, ...boundsOf(target.period) }));
  return sql<{
    customer_id: string;
    period_start: string;
    period_end: string;
  }>`json_to_recordset(${JSON.stringify(rows)}::json)`.as<'t'>(
    sql`t(customer_id uuid, period_start timestamptz, period_end timestamptz)`,
  );
}

/** The windows as a relation `t(customer_id, before)`, sent as one JSON document. */
function windowsOf(windows: CallsBefore[]) {
  const rows = windows.map((window) => ({
    customer_id: window.customerId,
    before: window.before.toISOString(),
  }));
  return sql<{
    customer_id: string;
    before: string;
  }>`json_to_recordset(${JSON.stringify(rows)}::json)`.as<'t'>(sql`t(customer_id uuid, before timestamptz)`);
}

/** A batch's targets share a few BillingPeriod objects: each one's bounds are turned into text once. */
function periodBounds(): (period: BillingPeriod) => { period_start: string; period_end: string } {
  const known = new Map<BillingPeriod, { period_start: string; period_end: string }>();
  return (period) => {
    let bounds = known.get(period);
    if (!bounds) {
      bounds = { period_start: period.start.toISOString(), period_end: period.end.toISOString() };
      known.set(period, bounds);
    }
    return bounds;
  };
}

function toCharges(row: ChargesRow): CallCharges {
  return {
    period: row.period,
    group: row.rate_group,
    ratePerMinute: Money.of(row.rate_per_minute, row.currency),
    minutes: Number(row.minutes),
    billedSeconds: Number(row.billed_seconds),
    callCount: Number(row.call_count),
    charge: Money.of(row.charge, row.currency),
    covered: row.covered === null ? null : Money.of(row.covered, row.currency),
  };
}

function byCustomer(rows: ChargesRow[]): Map<string, CallCharges[]> {
  const charges = new Map<string, CallCharges[]>();
  for (const row of rows) {
    const found = charges.get(row.customer_id);
    if (found) found.push(toCharges(row));
    else charges.set(row.customer_id, [toCharges(row)]);
  }
  return charges;
}
