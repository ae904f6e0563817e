import fc from 'fast-check';
import { PlanCatalog } from '../../billing-plans';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import type { BilledCallGroup } from './billed-calls';
import { assembleInvoice } from './invoice-assembly';

// The billing-plans index also exports its Nest module; the pure domain needs only the plans.
jest.mock('../../billing-plans/billing-plans.module', () => ({ BillingPlansModule: class {} }));

const plan = PlanCatalog.fromConfiguration(
  { intl: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' } },
  'intl',
).get('intl');
const october = BillingPeriod.parse('2026-10', TimeZone.of('UTC'));
const usd = (amount: string) => Money.of(amount, 'USD');

/** One rated call as the calls module keeps it: its rate, billed seconds and exact charge. */
interface RatedCall {
  period: string;
  group: string;
  ratePerMinute: string;
  billedSeconds: number;
  /** Millionths of a dollar: a charge keeps 6 decimals. */
  chargeMicros: number;
}

const ratedCall = fc.record({
  period: fc.constantFrom('2026-10', '2026-09', '2026-08'),
  group: fc.constantFrom('default', 'Portugal mobile', 'United Kingdom', 'US and Canada'),
  ratePerMinute: fc.constantFrom('0.02', '0.05', '0.015', '0.0125'),
  billedSeconds: fc.integer({ min: 1, max: 7200 }),
  chargeMicros: fc.integer({ min: 0, max: 5_000_000 }),
});

const micros = (value: number) => usd((value / 1_000_000).toFixed(6));

/** What the store answers: the calls summed per period and rate (group, price). */
function summed(calls: RatedCall[]): BilledCallGroup[] {
  const groups = new Map<string, BilledCallGroup>();
  for (const call of calls) {
    const key = `${call.period}|${call.group}|${call.ratePerMinute}`;
    const seen = groups.get(key);
    groups.set(key, {
      period: call.period,
      group: call.group,
      ratePerMinute: usd(call.ratePerMinute),
      minutes: (seen?.minutes ?? 0) + Math.ceil(call.billedSeconds / 60),
      billedSeconds: (seen?.billedSeconds ?? 0) + call.billedSeconds,
      callCount: (seen?.callCount ?? 0) + 1,
      charge: (seen?.charge ?? usd('0')).plus(micros(call.chargeMicros)),
      covered: null,
    });
  }
  return [...groups.values()];
}

describe('invoice lines by rate', () => {
  it("give every usage and late line the sum of its calls' charges, rounded half-up to the cent once", () => {
    fc.assert(
      fc.property(fc.array(ratedCall, { maxLength: 60 }), (calls) => {
        const own = calls.filter((call) => call.period === october.code);
        const late = calls.filter((call) => call.period !== october.code);
        const { invoice } = assembleInvoice({
          customerId: 'c-1',
          period: october,
          plan,
          usage: summed(own),
          late: summed(late),
        });

        for (const line of invoice.lines) {
          const billed = (line.kind === 'usage' ? own : late).filter(
            (call) =>
              call.period === line.period &&
              call.group === line.group &&
              usd(call.ratePerMinute).equals(line.unitPrice!),
          );
          expect(billed.length).toBeGreaterThan(0);
          const exact = billed.reduce((sum, call) => sum + call.chargeMicros, 0);
          expect(line.amount.toString()).toBe(micros(exact).roundedToCents().toString());
          expect(line.billedSeconds).toBe(billed.reduce((sum, call) => sum + call.billedSeconds, 0));
        }
        // Every call is on exactly one line: one line per (period, group, price).
        const keys = new Set(
          calls.map((call) => `${call.period}|${call.group}|${Number(call.ratePerMinute)}`),
        );
        expect(invoice.lines).toHaveLength(keys.size);
        expect(invoice.billedSeconds).toBe(own.reduce((sum, call) => sum + call.billedSeconds, 0));
        expect(invoice.total.toString()).toBe(
          Money.sum(
            invoice.lines.map((line) => line.amount),
            'USD',
          ).toString(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
