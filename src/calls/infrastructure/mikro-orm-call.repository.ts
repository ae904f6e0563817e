import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import { CallRepository, PendingCall, StoredOutcome } from '../application/call.repository';
import { coveredByBalance } from '../domain/balance-drawdown';
import { Call } from '../domain/call';
import { lockPeriodsShared } from '../../shared/database/period-locks';

interface CallRow {
  id: string;
  call_id: string;
  customer_id: string;
  phone_number: string;
  destination: string | null;
  started_at: string | Date;
  minutes: number;
  unit_price: string;
  charge: string;
  currency: string;
  covered_by_balance: string | null;
  plan: string;
  period: string;
  received_at: string | Date;
}

const CALL_COLUMNS = sql`id, call_id, customer_id, phone_number, destination, started_at, minutes, unit_price,
  charge, currency, covered_by_balance, plan, period, received_at`;

/**
 * Calls in PostgreSQL, written set-wise: one INSERT ... SELECT FROM unnest(...) per batch, with
 * ON CONFLICT (call_id) DO NOTHING as the race-free idempotency check.
 */
@Injectable()
export class MikroOrmCallRepository extends CallRepository {
  constructor(private readonly db: Database) {
    super();
  }

  async record(pending: PendingCall[]): Promise<Map<string, StoredOutcome>> {
    // A stable order keeps concurrent batches from deadlocking on each other's call ids.
    const sorted = [...pending].sort((a, b) => (a.call.callId < b.call.callId ? -1 : 1));
    const needsTransaction = sorted.some((item) => item.drawsFromBalance || item.mayBeInvoiced);
    const work = (db: Database) => this.recordWith(db, sorted);
    return needsTransaction ? this.db.transaction(work) : work(this.db);
  }

  private async recordWith(db: Database, pending: PendingCall[]): Promise<Map<string, StoredOutcome>> {
    await lockPeriodsShared(
      db,
      pending
        .filter((item) => item.mayBeInvoiced)
        .map((item) => ({ period: item.call.period, customerId: item.call.customerId })),
    );
    const calls = pending.map((item) => item.call);
    const inserted = new Set((await insertCalls(db, calls)).map((row) => row.call_id));

    const outcomes = new Map<string, StoredOutcome>();
    for (const call of calls)
      if (inserted.has(call.callId)) outcomes.set(call.callId, { inserted: true, call });
    const existing = calls.filter((call) => !inserted.has(call.callId)).map((call) => call.callId);
    if (existing.length > 0) {
      const rows = await db.rows<CallRow>(
        sql`SELECT ${CALL_COLUMNS} FROM calls WHERE call_id = ANY(${existing}::text[])`,
      );
      for (const row of rows) outcomes.set(row.call_id, { inserted: false, call: toCall(row) });
    }

    const fresh = pending.filter((item) => inserted.has(item.call.callId));
    await drawFromBalances(
      db,
      fresh.filter((item) => item.drawsFromBalance).map((item) => item.call),
    );
    await markLateCalls(
      db,
      fresh.filter((item) => item.mayBeInvoiced).map((item) => item.call.id),
    );
    return outcomes;
  }
}

function insertCalls(db: Database, calls: Call[]): Promise<{ call_id: string }[]> {
  return db.prepared<{ call_id: string }>(sql`
    INSERT INTO calls (id, call_id, customer_id, phone_number, destination, started_at, minutes, unit_price,
                       charge, currency, plan, period, received_at)
    SELECT * FROM unnest(
      ${calls.map((c) => c.id)}::uuid[], ${calls.map((c) => c.callId)}::text[],
      ${calls.map((c) => c.customerId)}::uuid[], ${calls.map((c) => c.phoneNumber)}::text[],
      ${calls.map((c) => c.destination)}::text[], ${calls.map((c) => c.startedAt.toISOString())}::timestamptz[],
      ${calls.map((c) => c.minutes)}::integer[], ${calls.map((c) => c.unitPrice.toString())}::numeric[],
      ${calls.map((c) => c.charge.toString())}::numeric[], ${calls.map((c) => c.charge.currency)}::char(3)[],
      ${calls.map((c) => c.plan)}::text[], ${calls.map((c) => c.period)}::text[],
      ${calls.map((c) => c.receivedAt.toISOString())}::timestamptz[])
    ON CONFLICT (call_id) DO NOTHING
    RETURNING call_id`);
}

/**
 * Prepaid: each call takes what it can from its customer's balance, in arrival order, under the
 * balance row's lock, so concurrent calls for one customer serialise and never overdraw twice.
 */
async function drawFromBalances(db: Database, calls: Call[]): Promise<void> {
  if (calls.length === 0) return;
  const customerIds = [...new Set(calls.map((call) => call.customerId))].sort();
  const currencyOf = new Map(calls.map((call) => [call.customerId, call.charge.currency]));
  await db.rows(sql`
    INSERT INTO prepaid_balances (customer_id, balance, currency)
    SELECT id, 0, currency FROM unnest(${customerIds}::uuid[], ${customerIds.map((id) => currencyOf.get(id)!)}::char(3)[]) AS t(id, currency)
    ON CONFLICT (customer_id) DO NOTHING`);
  const rows = await db.rows<{ customer_id: string; balance: string; currency: string }>(sql`
    SELECT customer_id, balance, currency FROM prepaid_balances
    WHERE customer_id = ANY(${customerIds}::uuid[]) ORDER BY customer_id FOR UPDATE`);
  const balances = new Map(rows.map((row) => [row.customer_id, Money.of(row.balance, row.currency)]));

  for (const call of calls) {
    const before = balances.get(call.customerId)!;
    call.coveredByBalance = coveredByBalance(before, call.charge);
    balances.set(call.customerId, before.minus(call.charge));
  }
  const now = calls[0].receivedAt;
  await db.rows(sql`
    UPDATE calls SET covered_by_balance = v.covered
    FROM unnest(${calls.map((c) => c.id)}::uuid[], ${calls.map((c) => c.coveredByBalance!.toString())}::numeric[]) AS v(id, covered)
    WHERE calls.id = v.id`);
  await db.rows(sql`
    INSERT INTO prepaid_ledger_entries (customer_id, kind, amount, currency, call_id, created_at)
    SELECT customer_id, 'call_debit', amount, currency, call_id, ${now}
    FROM unnest(${calls.map((c) => c.customerId)}::uuid[], ${calls.map((c) => c.charge.negated().toString())}::numeric[],
                ${calls.map((c) => c.charge.currency)}::char(3)[], ${calls.map((c) => c.id)}::uuid[])
         AS t(customer_id, amount, currency, call_id)`);
  await db.rows(sql`
    UPDATE prepaid_balances SET balance = v.balance
    FROM unnest(${customerIds}::uuid[], ${customerIds.map((id) => balances.get(id)!.toString())}::numeric[]) AS v(id, balance)
    WHERE prepaid_balances.customer_id = v.id`);
}

/** A call for a period already invoiced goes on the customer's next invoice instead. */
async function markLateCalls(db: Database, callIds: string[]): Promise<void> {
  if (callIds.length === 0) return;
  await db.rows(sql`
    UPDATE calls SET late = true FROM invoices
    WHERE calls.id = ANY(${callIds}::uuid[]) AND invoices.customer_id = calls.customer_id AND invoices.period = calls.period`);
}

function toCall(row: CallRow): Call {
  return {
    id: row.id,
    callId: row.call_id,
    customerId: row.customer_id,
    phoneNumber: row.phone_number,
    destination: row.destination,
    startedAt: instant(row.started_at),
    minutes: row.minutes,
    unitPrice: Money.of(row.unit_price, row.currency),
    charge: Money.of(row.charge, row.currency),
    coveredByBalance: row.covered_by_balance === null ? null : Money.of(row.covered_by_balance, row.currency),
    plan: row.plan,
    period: row.period,
    receivedAt: instant(row.received_at),
  };
}
