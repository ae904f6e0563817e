import fc from 'fast-check';
import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { PlanCatalog } from '../../billing-plans';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import type { BilledCallGroup } from './billed-calls';
import { assembleInvoice } from './invoice-assembly';
import type { InvoiceLine } from './invoice';

// The billing-plans index also exports its Nest module; the pure domain needs only the plans.
jest.mock('../../billing-plans/billing-plans.module', () => ({ BillingPlansModule: class {} }));

const usd = (amount: string) => Money.of(amount, 'USD');
const october = BillingPeriod.parse('2026-10', TimeZone.of('Europe/Lisbon'));
const EARLIER = ['2026-09', '2026-08', '2025-12'];
const amountsOf = (lines: InvoiceLine[]) => lines.map((line) => [line.kind, line.amount.toString()]);

function assemble(
  plans: Record<string, Record<string, unknown>>,
  plan: string,
  usage: BilledCallGroup[],
  late: BilledCallGroup[],
) {
  const catalog = PlanCatalog.fromConfiguration(plans, plan);
  return assembleInvoice({ customerId: 'c-1', period: october, plan: catalog.get(plan), usage, late });
}

function prepaidGroup(period: string, rate: string, minutes: number, covered: string): BilledCallGroup {
  return {
    period,
    group: 'default',
    ratePerMinute: usd(rate),
    minutes,
    billedSeconds: minutes * 60,
    callCount: minutes,
    charge: usd(rate).times(minutes),
    covered: usd(covered),
  };
}

describe('an invoice total is never negative', () => {
  const subCent = { prepaid: { type: 'prepaid', ratePerMinute: '0.004', currency: 'USD' } };

  it('bills 0.00, not -0.01, for sub-cent prepaid usage and late usage all paid by the balance', () => {
    const { invoice } = assemble(
      subCent,
      'prepaid',
      [prepaidGroup('2026-10', '0.004', 1, '0.004')],
      [prepaidGroup('2026-09', '0.004', 1, '0.004')],
    );
    expect(amountsOf(invoice.lines)).toEqual([
      ['usage', '0.00'],
      ['late_usage', '0.00'],
      ['prepaid_applied', '0.00'],
    ]);
    expect(invoice.total.toString()).toBe('0.00');
  });

  it('credits no more than the rounded lines it pays for: three 1-minute calls at 0.004 over three lines', () => {
    const { invoice } = assemble(
      subCent,
      'prepaid',
      [prepaidGroup('2026-10', '0.004', 1, '0.004')],
      [prepaidGroup('2026-09', '0.004', 1, '0.004'), prepaidGroup('2026-08', '0.004', 1, '0.004')],
    );
    expect(amountsOf(invoice.lines)).toEqual([
      ['usage', '0.00'],
      ['late_usage', '0.00'],
      ['late_usage', '0.00'],
      ['prepaid_applied', '0.00'],
    ]);
    expect(invoice.total.toString()).toBe('0.00');
  });

  it('still credits the whole rounded covered amount when the lines it pays for allow it', () => {
    const { invoice } = assemble(subCent, 'prepaid', [prepaidGroup('2026-10', '0.004', 3, '0.012')], []);
    expect(amountsOf(invoice.lines)).toEqual([
      ['usage', '0.01'],
      ['prepaid_applied', '-0.01'],
    ]);
    expect(invoice.total.toString()).toBe('0.00');
  });

  it('does not let a prepaid credit eat into lines it does not pay for', () => {
    const plans = {
      prepaid: { type: 'prepaid', ratePerMinute: '0.004', currency: 'USD' },
      postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
    };
    const postpaidLate: BilledCallGroup = {
      period: '2026-09',
      group: 'default',
      ratePerMinute: usd('0.02'),
      minutes: 10,
      billedSeconds: 600,
      callCount: 1,
      charge: usd('0.20'),
      covered: null,
    };
    const { invoice } = assemble(
      plans,
      'prepaid',
      [prepaidGroup('2026-10', '0.004', 1, '0.004')],
      [prepaidGroup('2026-08', '0.004', 1, '0.004'), postpaidLate],
    );
    expect(amountsOf(invoice.lines)).toEqual([
      ['usage', '0.00'],
      ['late_usage', '0.00'],
      ['late_usage', '0.20'],
      ['prepaid_applied', '0.00'],
    ]);
    expect(invoice.total.toString()).toBe('0.20');
  });

  describe('for random plans, rates, calls, late calls and balances', () => {
    type PlanType = 'postpaid' | 'prepaid' | 'flat';
    /** Rates with up to six decimals, sub-cent ones often: where rounding bites. */
    const rate = fc.oneof(
      fc.constantFrom('0.001', '0.004', '0.0049', '0.005', '0.0051', '0.015', '0.02'),
      fc
        .integer({ min: 1, max: 2_000_000 })
        .map((micros) => usd(String(micros)).times('0.000001').toString()),
    );
    const cents = fc
      .integer({ min: 0, max: 5_000 })
      .map((value) => usd(String(value)).times('0.01').toString());
    const planOf = (type: PlanType) =>
      type === 'flat'
        ? fc.record({
            type: fc.constant('flat'),
            monthlyFee: cents,
            includedMinutes: fc.option(fc.integer({ min: 0, max: 500 })),
            overageRatePerMinute: rate,
            currency: fc.constant('USD'),
          })
        : fc.record({ type: fc.constant(type), ratePerMinute: rate, currency: fc.constant('USD') });

    /** Each period (the invoice's own and three earlier ones) on a plan of its own. */
    const plans = fc
      .tuple(
        ...[october.code, ...EARLIER].map(() => fc.constantFrom<PlanType>('postpaid', 'prepaid', 'flat')),
      )
      .chain((types) => fc.tuple(...types.map(planOf)))
      .map((specs) => Object.fromEntries(specs.map((spec, index) => [`plan-${index}`, spec])));

    /** Calls in arrival order: period index (0 = own), minutes, and top-ups (exact, sub-cent too) between them. */
    const traffic = fc.record({
      opening: fc.integer({ min: -5_000, max: 5_000 }).map((value) => usd(String(value)).times('0.001')),
      calls: fc.array(
        fc.record({
          period: fc.integer({ min: 0, max: EARLIER.length }),
          // Mostly short calls: a few tenths of a cent is where rounding turns a credit into a refund.
          minutes: fc.oneof(
            { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) },
            fc.integer({ min: 1, max: 240 }),
          ),
          topUp: fc.option(
            fc.integer({ min: 1, max: 2_000 }).map((value) => usd(String(value)).times('0.001')),
            {
              freq: 4,
            },
          ),
        }),
        { maxLength: 40 },
      ),
    });

    type Traffic = typeof traffic extends fc.Arbitrary<infer T> ? T : never;

    /** What the store would hand over: calls rated by their period's plan, drawn from the balance as they arrived, grouped. */
    function groupsFor(catalog: PlanCatalog, calls: Traffic) {
      let balance = calls.opening;
      const groups = new Map<string, BilledCallGroup>();
      for (const call of calls.calls) {
        if (call.topUp) balance = balance.plus(call.topUp);
        const plan = catalog.get(`plan-${call.period}`);
        const { rate, charge } = plan.rateCall(aCallToRate({ minutes: call.minutes }));
        const unitPrice = rate.ratePerMinute;
        let covered: Money | null = null;
        if (plan.drawsFromBalance) {
          covered = balance.isPositive() ? balance.min(charge) : Money.zero('USD');
          balance = balance.minus(charge);
        }
        const period = call.period === 0 ? october.code : EARLIER[call.period - 1];
        const key = `${period}|${unitPrice.toString()}`;
        const seen = groups.get(key);
        groups.set(key, {
          period,
          group: 'default',
          ratePerMinute: unitPrice,
          minutes: (seen?.minutes ?? 0) + call.minutes,
          billedSeconds: (seen?.billedSeconds ?? 0) + call.minutes * 60,
          callCount: (seen?.callCount ?? 0) + 1,
          charge: (seen?.charge ?? Money.zero('USD')).plus(charge),
          covered:
            covered === null ? (seen?.covered ?? null) : (seen?.covered ?? Money.zero('USD')).plus(covered),
        });
      }
      return [...groups.values()];
    }

    const scenario = fc.tuple(plans, traffic).map(([specs, calls]) => {
      const catalog = PlanCatalog.fromConfiguration(specs, 'plan-0');
      const groups = groupsFor(catalog, calls);
      const covered = Money.sum(
        groups.flatMap((group) => (group.covered ? [group.covered] : [])),
        'USD',
      );
      const { invoice } = assembleInvoice({
        customerId: 'c-1',
        period: october,
        plan: catalog.get('plan-0'),
        usage: groups.filter((group) => group.period === october.code),
        late: groups.filter((group) => group.period !== october.code),
      });
      return { invoice, covered, groups };
    });

    it('totals 0.00 or more, and exactly the sum of its lines, each in whole cents', () => {
      fc.assert(
        fc.property(scenario, ({ invoice }) => {
          expect(invoice.total.isNegative()).toBe(false);
          expect(
            invoice.total.equals(
              Money.sum(
                invoice.lines.map((line) => line.amount),
                'USD',
              ),
            ),
          ).toBe(true);
          for (const line of invoice.lines) expect(line.amount.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        }),
        { numRuns: 500 },
      );
    });

    it('credits the covered amount, rounded, short of it by at most half a cent per line it pays for', () => {
      fc.assert(
        fc.property(scenario, ({ invoice, covered, groups }) => {
          const applied = invoice.lines.filter((line) => line.kind === 'prepaid_applied');
          if (covered.isZero()) return expect(applied).toEqual([]);
          expect(applied).toHaveLength(1);
          const credit = applied[0].amount.negated();
          expect(credit.isNegative()).toBe(false);
          expect(credit.compareTo(covered.roundedToCents())).toBeLessThanOrEqual(0);
          const paidGroups = groups.filter((group) => group.covered !== null).length;
          const shortfall = covered.roundedToCents().minus(credit);
          expect(shortfall.compareTo(usd('0.005').times(paidGroups + 1))).toBeLessThanOrEqual(0);
        }),
        { numRuns: 500 },
      );
    });
  });
});
