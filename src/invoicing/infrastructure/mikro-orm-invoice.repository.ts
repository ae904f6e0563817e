import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database } from '../../shared/database/database';
import { lockPeriodsExclusive, periodLockSliceOf } from '../../shared/database/period-locks';
import type { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import {
  CatchUpWindow,
  InvoiceRepository,
  InvoiceTarget,
  IssueOutcome,
  IssueRequest,
  PeriodBilling,
} from '../application/invoice.repository';
import { IssuedInvoicesOutbox } from '../application/issued-invoices-outbox.port';
import type { BilledCallGroup } from '../domain/billed-calls';
import type { Invoice } from '../domain/invoice';
import { CallGroupRow, InvoiceRow, toCallGroup, toInvoice, toStoredLines } from './invoice.rows';
import { missingEarlierPeriods } from './missing-periods.query';

const INVOICE_COLUMNS = sql`id, number, customer_id, period, timezone, plan, issued_at, call_count, minutes, lines,
  total, currency`;

// Aggregates per customer, period and unit price: the invoice never needs single calls.
const GROUP_COLUMNS = sql`c.customer_id, c.period, c.unit_price, c.currency, sum(c.minutes) AS minutes,
  count(*) AS call_count, sum(c.charge) AS charge, sum(c.covered_by_balance) AS covered`;

/**
 * Invoices in PostgreSQL. Issuing reads the calls table set-wise inside the issuing transaction:
 * the one place a module reads another's table, so that "which calls an invoice billed" is decided
 * atomically with the invoice itself.
 */
@Injectable()
export class MikroOrmInvoiceRepository extends InvoiceRepository {
  constructor(
    private readonly db: Database,
    private readonly outbox: IssuedInvoicesOutbox,
  ) {
    super();
  }

  issue(request: IssueRequest): Promise<IssueOutcome> {
    const targets = [...request.targets].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
    // Reads and late-call claims are keyed by customer: two periods of one customer must go in
    // separate issues, older first (the monthly run's rounds), or both would claim its late calls.
    if (new Set(targets.map((target) => target.customerId)).size !== targets.length) {
      throw new Error('One issue takes at most one period per customer');
    }
    return this.db.transaction(async (tx) => {
      await lockPeriodsExclusive(
        tx,
        targets.map((target) => ({ period: target.period.code, customerId: target.customerId })),
      );
      const { invoiced, usage } = await uninvoicedUsageOf(tx, targets);
      const remaining = targets.filter((target) => !invoiced.has(target.customerId));
      if (remaining.length === 0) return { created: [], alreadyInvoiced: targets };

      const ids = remaining.map(() => randomUUID());
      const late = await claimLateCalls(tx, remaining, ids);
      const assembled = remaining.map((target) =>
        request.assemble({
          target,
          usage: usage.get(target.customerId) ?? [],
          late: late.get(target.customerId) ?? [],
        }),
      );

      // The counter row stays locked until commit, serialising concurrent issues from here on: it
      // is taken as late as possible, after the reads and the assembly.
      const [{ last_value: last }] = await tx.rows<{ last_value: string }>(sql`
        UPDATE invoice_number_counter SET last_value = last_value + ${remaining.length} WHERE id = 1
        RETURNING last_value`);
      const firstSequence = Number(last) - remaining.length + 1;
      const created: Invoice[] = assembled.map(({ invoice }, index) => ({
        ...invoice,
        id: ids[index],
        number: request.numberFor(firstSequence + index),
        status: 'issued',
        issuedAt: request.issuedAt,
      }));
      await insertInvoices(tx, created, firstSequence);
      await this.outbox.enqueue(
        tx,
        created.map((invoice, index) => ({ invoice, customer: remaining[index].customer })),
      );
      await creditPrepaidLedgers(
        tx,
        created,
        assembled.map((a) => a.uncoveredPrepaid),
        request.issuedAt,
      );
      return { created, alreadyInvoiced: targets.filter((target) => invoiced.has(target.customerId)) };
    });
  }

  lockGroupOf(customerId: string): number {
    return periodLockSliceOf(customerId);
  }

  async findById(id: string): Promise<Invoice | null> {
    const [row] = await this.db.rows<InvoiceRow>(
      sql`SELECT ${INVOICE_COLUMNS} FROM invoices WHERE id = ${id}::uuid`,
    );
    return row ? toInvoice(row) : null;
  }

  async findByCustomerAndPeriod(customerId: string, period: string): Promise<Invoice | null> {
    const [row] = await this.db.rows<InvoiceRow>(sql`
      SELECT ${INVOICE_COLUMNS} FROM invoices WHERE customer_id = ${customerId}::uuid AND period = ${period}`);
    return row ? toInvoice(row) : null;
  }

  async listByCustomer(
    customerId: string,
    limit: number,
    after: { period: string; id: string } | null,
  ): Promise<Invoice[]> {
    const rows = await this.db.rows<InvoiceRow>(sql`
      SELECT ${INVOICE_COLUMNS} FROM invoices WHERE customer_id = ${customerId}::uuid
      ${after ? sql`AND (period, id) < (${after.period}, ${after.id}::uuid)` : sql``}
      ORDER BY period DESC, id DESC LIMIT ${limit}`);
    return rows.map(toInvoice);
  }

  missingEarlierPeriods(windows: CatchUpWindow[]): Promise<Map<string, string[]>> {
    return missingEarlierPeriods(this.db, windows);
  }

  async customersWithCalls(targets: InvoiceTarget[]): Promise<Set<string>> {
    if (targets.length === 0) return new Set();
    const rows = await this.db.rows<{ customer_id: string }>(sql`
      SELECT t.customer_id FROM ${periodsOf(targets)}
      WHERE EXISTS (SELECT 1 FROM calls c WHERE ${callsInPeriod('c', 't')})`);
    return new Set(rows.map((row) => row.customer_id));
  }

  async unbilledUsage(target: InvoiceTarget): Promise<PeriodBilling> {
    const usage = await this.db.rows<CallGroupRow>(sql`
      SELECT ${GROUP_COLUMNS} FROM calls c, ${periodsOf([target])}
      WHERE ${callsInPeriod('c', 't')} AND NOT c.late
      GROUP BY c.customer_id, c.period, c.unit_price, c.currency`);
    const late = await this.db.rows<CallGroupRow>(sql`
      SELECT ${GROUP_COLUMNS} FROM calls c
      WHERE c.customer_id = ${target.customerId}::uuid AND c.late AND c.late_invoice_id IS NULL
        AND c.period < ${target.period.code}
      GROUP BY c.customer_id, c.period, c.unit_price, c.currency`);
    return { target, usage: usage.map(toCallGroup), late: late.map(toCallGroup) };
  }
}

/** The targets as a relation `t(customer_id, period, period_start, period_end)`, sent as one JSON document. */
function periodsOf(targets: InvoiceTarget[]) {
  const columnsOf = periodColumns();
  const rows = targets.map((target) => ({ customer_id: target.customerId, ...columnsOf(target.period) }));
  return sql`json_to_recordset(${JSON.stringify(rows)}::json)
    AS t(customer_id uuid, period text, period_start timestamptz, period_end timestamptz)`;
}

interface PeriodColumns {
  period: string;
  period_start: string;
  period_end: string;
  timezone: string;
}

/**
 * A period as JSON fields for json_to_recordset (which ignores fields it is not asked for). The
 * targets of a batch share a few BillingPeriod objects: each is turned into text once.
 */
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

/**
 * A period's calls, read as the started_at range of the history index (customer_id, started_at):
 * the same calls as `period = t.period`, since both come from the customer's time zone.
 */
function callsInPeriod(calls: string, targets: string) {
  const c = sql.raw(calls);
  const t = sql.raw(targets);
  return sql`${c}.customer_id = ${t}.customer_id AND ${c}.started_at >= ${t}.period_start AND ${c}.started_at < ${t}.period_end`;
}

/**
 * In one statement: which targets already have their invoice (probed one by one on the unique
 * key, whatever the table's statistics say), and the others' calls, summed per period and price.
 * One row per target without calls or already invoiced, one per group otherwise.
 */
async function uninvoicedUsageOf(tx: Database, targets: InvoiceTarget[]) {
  const rows = await tx.rows<CallGroupRow & { invoiced: boolean | null }>(sql`
    SELECT t.customer_id, i.invoiced, g.period, g.unit_price, g.currency, g.minutes, g.call_count, g.charge,
           g.covered
    FROM ${periodsOf(targets)}
    LEFT JOIN LATERAL (
      SELECT true AS invoiced FROM invoices WHERE invoices.customer_id = t.customer_id AND invoices.period = t.period
      LIMIT 1) i ON true
    LEFT JOIN LATERAL (
      SELECT c.period, c.unit_price, c.currency, sum(c.minutes) AS minutes, count(*) AS call_count,
             sum(c.charge) AS charge, sum(c.covered_by_balance) AS covered
      FROM calls c WHERE i.invoiced IS NULL AND ${callsInPeriod('c', 't')} AND NOT c.late
      GROUP BY c.period, c.unit_price, c.currency) g ON true`);
  const invoiced = new Set<string>();
  const usage = new Map<string, BilledCallGroup[]>();
  for (const row of rows) {
    if (row.invoiced) invoiced.add(row.customer_id);
    else if (row.period !== null) addTo(usage, row.customer_id, toCallGroup(row));
  }
  return { invoiced, usage };
}

/** Late calls of earlier periods go on this invoice; marking them is what keeps them off the next. */
async function claimLateCalls(tx: Database, targets: InvoiceTarget[], invoiceIds: string[]) {
  const rows = await tx.rows<CallGroupRow>(sql`
    WITH claimed AS (
      UPDATE calls SET late_invoice_id = t.invoice_id
      FROM json_to_recordset(${JSON.stringify(
        targets.map((t, index) => ({
          customer_id: t.customerId,
          period: t.period.code,
          invoice_id: invoiceIds[index],
        })),
      )}::json) AS t(customer_id uuid, period text, invoice_id uuid)
      WHERE calls.customer_id = t.customer_id AND calls.late AND calls.late_invoice_id IS NULL
        AND calls.period < t.period
      RETURNING calls.customer_id, calls.period, calls.unit_price, calls.currency, calls.minutes, calls.charge,
                calls.covered_by_balance)
    SELECT ${GROUP_COLUMNS} FROM claimed c GROUP BY c.customer_id, c.period, c.unit_price, c.currency`);
  return groupByCustomer(rows);
}

function groupByCustomer(rows: CallGroupRow[]) {
  const byCustomer = new Map<string, BilledCallGroup[]>();
  for (const row of rows) addTo(byCustomer, row.customer_id, toCallGroup(row));
  return byCustomer;
}

function addTo(byCustomer: Map<string, BilledCallGroup[]>, customerId: string, group: BilledCallGroup) {
  const groups = byCustomer.get(customerId);
  if (groups) groups.push(group);
  else byCustomer.set(customerId, [group]);
}

/**
 * One JSON document rather than one array per column: JSON.stringify is native, where each array
 * element (the lines most of all) would be quoted and escaped one by one in JavaScript.
 */
async function insertInvoices(tx: Database, invoices: Invoice[], firstSequence: number): Promise<void> {
  // Dates are turned into text once per period and instant, not once per invoice.
  const columnsOf = periodColumns();
  const instants = new Map<number, string>();
  const rows = invoices.map((i, index) => {
    const issuedAt = i.issuedAt!.getTime();
    let issued = instants.get(issuedAt);
    if (issued === undefined) {
      issued = i.issuedAt!.toISOString();
      instants.set(issuedAt, issued);
    }
    return {
      id: i.id,
      number: i.number,
      sequence: firstSequence + index,
      customer_id: i.customerId,
      ...columnsOf(i.period),
      plan: i.plan,
      issued_at: issued,
      call_count: i.callCount,
      minutes: i.minutes,
      lines: toStoredLines(i.lines),
      total: i.total.toString(),
      currency: i.total.currency,
    };
  });
  await tx.rows(sql`
    INSERT INTO invoices (id, number, sequence, customer_id, period, period_start, period_end, timezone, plan,
                          issued_at, call_count, minutes, lines, total, currency)
    SELECT id, number, sequence, customer_id, period, period_start, period_end, timezone, plan,
           issued_at, call_count, minutes, lines, total, currency
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(
      id uuid, number text, sequence bigint, customer_id uuid, period text, period_start timestamptz,
      period_end timestamptz, timezone text, plan text, issued_at timestamptz, call_count integer,
      minutes bigint, lines jsonb, total numeric, currency char(3))`);
}

/** Issuing moves the billed, uncovered prepaid charges from the balance onto the invoice. */
async function creditPrepaidLedgers(
  tx: Database,
  invoices: Invoice[],
  uncovered: Money[],
  at: Date,
): Promise<void> {
  const credits = invoices
    .map((invoice, index) => ({ invoice, amount: uncovered[index] }))
    .filter((credit) => !credit.amount.isZero());
  if (credits.length === 0) return;
  await tx.rows(sql`
    INSERT INTO prepaid_ledger_entries (customer_id, kind, amount, currency, invoice_id, created_at)
    SELECT customer_id, 'invoice_credit', amount, currency, invoice_id, ${at}
    FROM unnest(${credits.map((c) => c.invoice.customerId)}::uuid[], ${credits.map((c) => c.amount.toString())}::numeric[],
                ${credits.map((c) => c.amount.currency)}::char(3)[], ${credits.map((c) => c.invoice.id)}::uuid[])
         AS t(customer_id, amount, currency, invoice_id)`);
  await tx.rows(sql`
    UPDATE prepaid_balances SET balance = balance + v.amount
    FROM unnest(${credits.map((c) => c.invoice.customerId)}::uuid[], ${credits.map((c) => c.amount.toString())}::numeric[])
         AS v(customer_id, amount)
    WHERE prepaid_balances.customer_id = v.customer_id`);
}
