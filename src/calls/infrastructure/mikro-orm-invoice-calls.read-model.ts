import { Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';
import { Database, isoInstant } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import {
  InvoiceCalls,
  type InvoiceCallsAfter,
  type InvoiceCallsScope,
  type InvoiceCallsSummary,
  type InvoiceCallView,
} from '../application/invoice-calls.read-model';

interface InvoiceCallRow {
  id: string;
  call_id: string;
  phone_number: string;
  destination: string | null;
  started_at: string | Date;
  minutes: number;
  duration_seconds: number;
  billed_seconds: number;
  rate_group: string;
  rate_per_minute: string;
  charge: string;
  currency: string;
  covered_by_balance: string | null;
  plan: string;
  period: string;
  received_at: string | Date;
  late: boolean;
}

const COLUMNS = sql`id, call_id, phone_number, destination, started_at, minutes, duration_seconds,
  billed_seconds, rate_group, rate_per_minute, charge, currency, covered_by_balance, plan, period,
  received_at, late`;

/**
 * Two keyset scans merged: the period's on-time calls along the history index (customer_id,
 * started_at), and the claimed late calls along calls_late_invoice_idx (late_invoice_id, started_at, id).
 */
@Injectable()
export class MikroOrmInvoiceCalls extends InvoiceCalls {
  constructor(private readonly db: Database) {
    super();
  }

  async page(
    scope: InvoiceCallsScope,
    after: InvoiceCallsAfter | null,
    limit: number,
  ): Promise<InvoiceCallView[]> {
    const keyset = after ? sql`AND (started_at, id) > (${after.startedAt}, ${after.id}::uuid)` : sql``;
    const rows = await this.db.prepared<InvoiceCallRow>(sql`
      SELECT * FROM (
        (SELECT ${COLUMNS} FROM calls WHERE ${onTime(scope)} ${keyset} ORDER BY started_at, id LIMIT ${limit})
        UNION ALL
        (SELECT ${COLUMNS} FROM calls WHERE ${claimedLate(scope)} ${keyset} ORDER BY started_at, id LIMIT ${limit})
      ) billed ORDER BY started_at, id LIMIT ${limit}`);
    return rows.map((row) => toView(row, scope.customerId));
  }

  async summary(scope: InvoiceCallsScope): Promise<InvoiceCallsSummary> {
    const { rows } = await sql<{ phone_number: string; calls: string }>`
      SELECT phone_number, count(*) AS calls FROM (
        SELECT phone_number FROM calls WHERE ${onTime(scope)}
        UNION ALL
        SELECT phone_number FROM calls WHERE ${claimedLate(scope)}
      ) billed GROUP BY phone_number ORDER BY phone_number`.execute(this.db.kysely);
    return {
      calls: rows.reduce((sum, row) => sum + Number(row.calls), 0),
      phoneNumbers: rows.map((row) => row.phone_number),
    };
  }
}

function onTime(scope: InvoiceCallsScope): RawBuilder<unknown> {
  return sql`customer_id = ${scope.customerId}::uuid AND started_at >= ${scope.periodStart}
    AND started_at < ${scope.periodEnd} AND NOT late`;
}

function claimedLate(scope: InvoiceCallsScope): RawBuilder<unknown> {
  return sql`late_invoice_id = ${scope.invoiceId}::uuid AND customer_id = ${scope.customerId}::uuid`;
}

function toView(row: InvoiceCallRow, customerId: string): InvoiceCallView {
  const view: InvoiceCallView = {
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
    late: row.late,
  };
  if (row.covered_by_balance !== null) {
    view.coveredByBalance = { amount: Money.formatAmount(row.covered_by_balance), currency: row.currency };
  }
  return view;
}
