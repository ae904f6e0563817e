import { Injectable } from '@nestjs/common';
import { InvoicedPeriods } from '../../calls';
import { type MonthReconciliation, reconcileMonth } from '../domain/month-reconciliation';
import { periodKey, type PeriodCallTotals, type RecordedCallGroup } from '../domain/recorded-calls';
import { utcMonth } from '../domain/utc-month';
import { NotBillableLedger } from './not-billable-ledger.port';
import { RecordedCallsLedger } from './recorded-calls-ledger.port';
import { SuspenseLedger } from './suspense-ledger.port';

/**
 * Every call record of a UTC month, accounted for (API.md, "Reconciliation"), from the rows each
 * ledger stores, at request time: the calls, what invoicing says it billed of them, the suspense
 * and the not-billable records. A few set-wise statements, whatever the month's size.
 */
@Injectable()
export class ReconcileMonthQuery {
  constructor(
    private readonly recordedCalls: RecordedCallsLedger,
    private readonly invoicedPeriods: InvoicedPeriods,
    private readonly suspense: SuspenseLedger,
    private readonly notBillable: NotBillableLedger,
  ) {}

  /** Throws InvalidMonthError for anything but YYYY-MM from 1970-01 on. */
  async execute(month: string): Promise<MonthReconciliation> {
    const range = utcMonth(month);
    const [groups, suspense, notBillable] = await Promise.all([
      this.recordedCalls.monthGroups(range),
      this.suspense.monthTotals(range),
      this.notBillable.monthTotals(range),
    ]);
    const [invoices, lateClaimers] = await Promise.all([
      this.invoicedPeriods.invoicesOf(distinctPeriods(groups)),
      this.invoicedPeriods.customersOfInvoices(claimingInvoices(groups)),
    ]);
    const storedOnTime = await this.recordedCalls.onTimeTotals(
      invoices.map((invoice) => ({
        customerId: invoice.customerId,
        period: invoice.period,
        start: invoice.periodStart,
        end: invoice.periodEnd,
      })),
    );
    return reconcileMonth(
      range,
      groups,
      {
        invoices: new Map(
          invoices.map((invoice) => [periodKey(invoice.customerId, invoice.period), invoice]),
        ),
        storedOnTime: new Map(storedOnTime.map((totals: PeriodCallTotals) => [keyOf(totals), totals])),
        lateClaimers,
      },
      {
        notBillable,
        suspended: suspense.suspended,
        writtenOff: suspense.writtenOff,
      },
    );
  }
}

const keyOf = ({ customerId, period }: { customerId: string; period: string }) =>
  periodKey(customerId, period);

function distinctPeriods(groups: RecordedCallGroup[]): { customerId: string; period: string }[] {
  const periods = new Map(
    groups.map(({ customerId, period }) => [periodKey(customerId, period), { customerId, period }]),
  );
  return [...periods.values()];
}

function claimingInvoices(groups: RecordedCallGroup[]): string[] {
  return [...new Set(groups.flatMap((group) => (group.lateInvoiceId ? [group.lateInvoiceId] : [])))];
}
