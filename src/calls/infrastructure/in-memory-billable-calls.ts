import { Money } from '../../shared/domain/money';
import {
  BillableCalls,
  BillingTarget,
  CallCharges,
  CallsBefore,
  LateCallClaim,
} from '../application/billable-calls.port';
import { CallRecordRow, InMemoryCallTable } from './in-memory-call.table';

/** A fake for fast tests of the use cases; the contract suite keeps it honest against the real one. */
export class InMemoryBillableCalls extends BillableCalls {
  constructor(private readonly table: InMemoryCallTable) {
    super();
  }

  usageOf(targets: BillingTarget[]): Promise<Map<string, CallCharges[]>> {
    const usage = new Map<string, CallCharges[]>();
    for (const { customerId, period } of targets) {
      const rows = this.table
        .callsOf(customerId)
        .filter((row) => !row.late && period.contains(row.call.startedAt));
      if (rows.length > 0) usage.set(customerId, summed(rows));
    }
    return Promise.resolve(usage);
  }

  claimLateCalls(claims: LateCallClaim[]): Promise<Map<string, CallCharges[]>> {
    const claimed = new Map<string, CallCharges[]>();
    for (const claim of claims) {
      const rows = this.table
        .callsOf(claim.customerId)
        .filter((row) => row.late && row.lateInvoiceId === null && row.call.period < claim.period);
      for (const row of rows) row.lateInvoiceId = claim.invoiceId;
      if (rows.length > 0) claimed.set(claim.customerId, summed(rows));
    }
    return Promise.resolve(claimed);
  }

  unbilledLateCalls(customerId: string, period: string): Promise<CallCharges[]> {
    return Promise.resolve(
      summed(
        this.table
          .callsOf(customerId)
          .filter((row) => row.late && row.lateInvoiceId === null && row.call.period < period),
      ),
    );
  }

  customersWithCallsIn(targets: BillingTarget[]): Promise<Set<string>> {
    return Promise.resolve(
      new Set(
        targets
          .filter(({ customerId, period }) =>
            this.table.callsOf(customerId).some((row) => period.contains(row.call.startedAt)),
          )
          .map(({ customerId }) => customerId),
      ),
    );
  }

  customersWithCallsBefore(windows: CallsBefore[]): Promise<Set<string>> {
    return Promise.resolve(
      new Set(
        windows
          .filter(({ customerId, before }) => this.callsBefore(customerId, before).length > 0)
          .map(({ customerId }) => customerId),
      ),
    );
  }

  periodsOfCallsBefore(windows: CallsBefore[]): Promise<Map<string, string[]>> {
    const periods = new Map<string, string[]>();
    for (const { customerId, before } of windows) {
      const found = [...new Set(this.callsBefore(customerId, before).map((row) => row.call.period))];
      if (found.length > 0) periods.set(customerId, found.sort().reverse());
    }
    return Promise.resolve(periods);
  }

  private callsBefore(customerId: string, before: Date): CallRecordRow[] {
    return this.table.callsOf(customerId).filter((row) => row.call.startedAt.getTime() < before.getTime());
  }
}

/** Summed per period and rate (group, per-minute rate), as the real one's GROUP BY. */
function summed(rows: CallRecordRow[]): CallCharges[] {
  const groups = new Map<string, CallCharges>();
  for (const { call } of rows) {
    const { group: rateGroup, ratePerMinute } = call.rate;
    const key = `${call.period}/${rateGroup}\u0000${ratePerMinute.toString()}/${ratePerMinute.currency}`;
    const group = groups.get(key);
    groups.set(
      key,
      group
        ? {
            ...group,
            minutes: group.minutes + call.minutes,
            billedSeconds: group.billedSeconds + call.billedSeconds,
            callCount: group.callCount + 1,
            charge: group.charge.plus(call.charge),
            covered: plusCovered(group.covered, call.coveredByBalance),
          }
        : {
            period: call.period,
            group: rateGroup,
            ratePerMinute,
            minutes: call.minutes,
            billedSeconds: call.billedSeconds,
            callCount: 1,
            charge: call.charge,
            covered: call.coveredByBalance,
          },
    );
  }
  return [...groups.values()];
}

/** SQL's sum(): nulls are skipped, and the sum of nothing but nulls is null. */
function plusCovered(sum: Money | null, covered: Money | null): Money | null {
  if (sum === null) return covered;
  return covered === null ? sum : sum.plus(covered);
}
