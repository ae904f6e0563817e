import { Injectable } from '@nestjs/common';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
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
import { CallPeriodRepairs, type WindowGroup } from './call-period-repairs.port';

const CUSTOMERS_PER_BATCH = 500;

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
    private readonly repairs: CallPeriodRepairs,
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

      const invoices = await this.repairs.issuedPeriodsOf(page.map((customer) => customer.id));
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

      const changes = await this.repairs.repairIn(
        groups,
        (found, invoicesByCustomer) =>
          found.flatMap(({ call, correctPeriod }) => {
            const change = repairCallPeriod(
              call,
              correctPeriod,
              invoicesByCustomer.get(call.customerId) ?? [],
            );
            return change ? [change] : [];
          }),
        dryRun,
      );
      for (const change of changes) report.outcomes[change.outcome] += 1;
      report.changes.push(...changes);
    }
    return report;
  }
}
