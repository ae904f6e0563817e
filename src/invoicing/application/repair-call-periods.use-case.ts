import { Injectable } from '@nestjs/common';
import { CallPeriodRecords, type CallInWindow, type WindowGroup } from '../../calls';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { PeriodLocks } from '../../shared/transactions/period-locks';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import {
  type CallPeriodChange,
  type PeriodRepairOutcome,
  repairCallPeriod,
} from '../domain/call-period-repair';
import {
  periodsWithMovedBounds,
  periodsWithMovedStarts,
  type RepairWindow,
  windowsAroundStarts,
} from '../domain/period-repair-windows';
import { InvoiceRepository } from './invoice.repository';

const CUSTOMERS_PER_BATCH = 500;
/** Few enough periods per unit of work that its advisory locks (periods × 24 slices) stay a few hundred. */
const PERIODS_PER_TRANSACTION = 12;

export interface CallPeriodRepairReport {
  dryRun: boolean;
  customers: number;
  /** Customers with at least one window worth checking (a zone with clock changes near a period start, or moved invoice bounds). */
  customersChecked: number;
  changes: CallPeriodChange[];
  /** How many changes of each kind (see PeriodRepairOutcome). */
  outcomes: Record<PeriodRepairOutcome, number>;
}

/**
 * The one-off repair of `calls.period` stored by the code before issue #12 (see
 * domain/call-period-repair.ts for the rule). Only calls near period starts that could have moved
 * are read; issued invoices are never changed. Safe to run again: a second run changes nothing.
 */
@Injectable()
export class RepairCallPeriodsUseCase {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly calls: CallPeriodRecords,
    private readonly invoices: InvoiceRepository,
    private readonly periodLocks: PeriodLocks,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ dryRun }: { dryRun: boolean }): Promise<CallPeriodRepairReport> {
    const report: CallPeriodRepairReport = {
      dryRun,
      customers: 0,
      customersChecked: 0,
      changes: [],
      outcomes: { moved: 0, 'moved-late': 0, 'kept-as-billed': 0, 'billed-twice': 0 },
    };
    const now = this.clock.now();
    const movedStartsByZone = new Map<string, { codes: Set<string>; windows: RepairWindow[] }>();
    let after: CustomerProfile | null = null;
    for (;;) {
      const page = await this.customers.listPage(CUSTOMERS_PER_BATCH, after);
      if (page.length === 0) break;
      after = page[page.length - 1];
      report.customers += page.length;

      const invoices = await this.invoices.issuedPeriodsOf(page.map((customer) => customer.id));
      const groups: WindowGroup[] = [];
      const byZone = new Map<string, string[]>();
      for (const customer of page) {
        const zone = customer.timezone;
        let movedStarts = movedStartsByZone.get(zone.name);
        if (!movedStarts) {
          const codes = periodsWithMovedStarts(zone, BillingPeriod.containing(now, zone).next());
          movedStarts = { codes: new Set(codes), windows: windowsAroundStarts(zone, codes) };
          movedStartsByZone.set(zone.name, movedStarts);
        }
        if (movedStarts.codes.size > 0)
          byZone.set(zone.name, [...(byZone.get(zone.name) ?? []), customer.id]);
        const movedBounds = periodsWithMovedBounds(zone, invoices.get(customer.id) ?? []).filter(
          (code) => !movedStarts.codes.has(code),
        );
        if (movedBounds.length > 0) {
          groups.push({ customerIds: [customer.id], windows: windowsAroundStarts(zone, movedBounds) });
        }
        if (movedStarts.codes.size > 0 || movedBounds.length > 0) report.customersChecked += 1;
      }
      for (const [zone, customerIds] of byZone) {
        groups.push({ customerIds, windows: movedStartsByZone.get(zone)!.windows });
      }
      if (groups.length === 0) continue;

      const changes = await this.repairIn(groups, dryRun);
      for (const change of changes) report.outcomes[change.outcome] += 1;
      report.changes.push(...changes);
    }
    return report;
  }

  /**
   * Finds the calls started in the windows and, a few correct periods at a time, in a unit of work
   * that holds their invoicing locks (so no invoice for them is issued meanwhile): re-reads them
   * row-locked, reads their customers' invoices, decides, and stores the changes unless `dryRun`.
   */
  private async repairIn(groups: WindowGroup[], dryRun: boolean): Promise<CallPeriodChange[]> {
    const byPeriod = new Map<string, CallInWindow[]>();
    for (const found of await this.calls.startedIn(groups)) {
      byPeriod.set(found.windowPeriod, [...(byPeriod.get(found.windowPeriod) ?? []), found]);
    }
    const periods = [...byPeriod.keys()].sort();
    const changes: CallPeriodChange[] = [];
    for (let i = 0; i < periods.length; i += PERIODS_PER_TRANSACTION) {
      const found = periods.slice(i, i + PERIODS_PER_TRANSACTION).flatMap((period) => byPeriod.get(period)!);
      const correctPeriodOf = new Map(found.map((call) => [call.id, call.windowPeriod]));
      const decided = await this.unitOfWork.transactional(async () => {
        await this.periodLocks.lockExclusive(
          found.map(({ customerId, windowPeriod }) => ({ customerId, period: windowPeriod })),
        );
        const calls = await this.calls.lock(found.map((call) => call.id));
        const invoices = await this.invoices.issuedPeriodsOf([
          ...new Set(calls.map((call) => call.customerId)),
        ]);
        const chunkChanges = calls.flatMap((call) => {
          const change = repairCallPeriod(
            call,
            correctPeriodOf.get(call.id)!,
            invoices.get(call.customerId) ?? [],
          );
          return change ? [change] : [];
        });
        if (!dryRun) {
          await this.calls.store(
            chunkChanges.map(({ call, period, late, lateInvoiceId }) => ({
              id: call.id,
              period,
              late,
              lateInvoiceId,
            })),
          );
        }
        return chunkChanges;
      });
      changes.push(...decided);
    }
    return changes;
  }
}
