import fc from 'fast-check';
import { Money } from '../../shared/domain/money';
import { BillingIncrement } from './billing-increment';
import { FlatPlan } from './flat.plan';
import { PostpaidPlan } from './postpaid.plan';
import { billedMinutes, minutesText, usageLinesByRate, type RatedUsage } from './rated-usage';

const usd = (amount: string) => Money.of(amount, 'USD');
const usage = (
  group: string,
  rate: string,
  billedSeconds: number,
  charge: string,
  callCount = 1,
): RatedUsage => ({
  group,
  ratePerMinute: usd(rate),
  billedSeconds,
  callCount,
  charge: usd(charge),
});
const shown = (lines: ReturnType<typeof usageLinesByRate>) =>
  lines.map((line) => ({ ...line, unitPrice: line.unitPrice?.toString(), amount: line.amount.toString() }));

describe('minutesText', () => {
  it.each([
    [1, '1 minute'],
    [2, '2 minutes'],
    [0, '0 minutes'],
    [1.02, '1.02 minutes'],
    [0.5, '0.5 minutes'],
  ])('reads %p as %j', (minutes, text) => {
    expect(minutesText(minutes)).toBe(text);
  });
});

describe('billedMinutes', () => {
  it.each([
    [60, 1],
    [61, 1.02],
    [90, 1.5],
    [7800, 130],
    [1, 0.02],
    [0, 0],
    [3, 0.05], // 0.05 exactly
    [33, 0.55], // 0.55 exactly
    [20, 0.33], // 0.333…
    [40, 0.67], // 0.666…
  ])('reads %i billed seconds as %p minutes', (seconds, minutes) => {
    expect(billedMinutes(seconds)).toBe(minutes);
  });
});

describe('usage lines by (group, ratePerMinute)', () => {
  it('bills one line per group and rate, naming the group, cheapest first', () => {
    const lines = usageLinesByRate('2026-10', [
      usage('Portugal mobile', '0.05', 7800, '6.50', 40),
      usage('default', '0.02', 120, '0.04', 2),
      usage('US and Canada', '0.01', 61, '0.010167'),
    ]);
    expect(shown(lines)).toEqual([
      {
        kind: 'usage',
        description: 'US and Canada: 1.02 minutes at 0.01 USD',
        period: '2026-10',
        group: 'US and Canada',
        billedSeconds: 61,
        quantity: 1.02,
        unitPrice: '0.01',
        amount: '0.010167',
      },
      {
        kind: 'usage',
        description: '2 minutes at 0.02 USD',
        period: '2026-10',
        group: 'default',
        billedSeconds: 120,
        quantity: 2,
        unitPrice: '0.02',
        amount: '0.04',
      },
      {
        kind: 'usage',
        description: 'Portugal mobile: 130 minutes at 0.05 USD',
        period: '2026-10',
        group: 'Portugal mobile',
        billedSeconds: 7800,
        quantity: 130,
        unitPrice: '0.05',
        amount: '6.50',
      },
    ]);
  });

  it('keeps two groups at one price apart, and one group at two prices (a rate version) apart', () => {
    const lines = usageLinesByRate('2026-10', [
      usage('Portugal', '0.02', 60, '0.02'),
      usage('default', '0.02', 60, '0.02'),
      usage('Portugal', '0.018', 60, '0.018'),
    ]);
    expect(lines.map((line) => line.description)).toEqual([
      'Portugal: 1 minute at 0.018 USD',
      'Portugal: 1 minute at 0.02 USD',
      '1 minute at 0.02 USD', // "default" sorts after "Portugal": by UTF-16 code units, whatever the locale
    ]);
  });

  it('merges entries of the same group and rate, summing seconds and exact charges', () => {
    const lines = usageLinesByRate('2026-10', [
      usage('Portugal', '0.015', 60, '0.015'),
      usage('Portugal', '0.015', 60, '0.015'),
      usage('Portugal', '0.0150', 60, '0.015'),
    ]);
    expect(shown(lines)).toEqual([
      expect.objectContaining({ billedSeconds: 180, quantity: 3, amount: '0.045' }),
    ]);
  });

  it('has a line amount equal to the exact sum of its calls charges, whatever their number and order', () => {
    const charge = fc
      .integer({ min: 0, max: 9_999_999 })
      .map((micros) => usd(`${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`));
    const call = fc.record({
      group: fc.constantFrom('default', 'Portugal', 'Portugal mobile'),
      ratePerMinute: fc.constantFrom(usd('0.02'), usd('0.05')),
      billedSeconds: fc.integer({ min: 1, max: 7200 }),
      callCount: fc.constant(1),
      charge,
    });
    fc.assert(
      fc.property(fc.array(call, { maxLength: 60 }), (calls) => {
        const lines = usageLinesByRate('2026-10', calls);
        for (const line of lines) {
          const mine = calls.filter((c) => c.group === line.group && c.ratePerMinute.equals(line.unitPrice!));
          expect(
            line.amount.equals(
              Money.sum(
                mine.map((c) => c.charge),
                'USD',
              ),
            ),
          ).toBe(true);
          expect(line.billedSeconds).toBe(mine.reduce((sum, c) => sum + c.billedSeconds, 0));
        }
        expect(
          Money.sum(
            lines.map((line) => line.amount),
            'USD',
          ).equals(
            Money.sum(
              calls.map((c) => c.charge),
              'USD',
            ),
          ),
        ).toBe(true);
        expect(shown(usageLinesByRate('2026-10', [...calls].reverse()))).toEqual(shown(lines));
      }),
    );
  });

  it('is what a per-minute plan bills a period with', () => {
    const plan = new PostpaidPlan('postpaid', usd('0.02'));
    expect(shown(plan.billPeriod('2026-10', [usage('default', '0.02', 24_720, '8.24', 31)]))).toEqual([
      expect.objectContaining({ description: '412 minutes at 0.02 USD', quantity: 412, amount: '8.24' }),
    ]);
    expect(plan.billPeriod('2026-10', [])).toEqual([]);
  });
});

describe('flat plans bill included minutes and overage in billed seconds', () => {
  const flat = (includedMinutes: number | null, increment = BillingIncrement.PER_STARTED_MINUTE) =>
    new FlatPlan('flat', {
      monthlyFee: usd('20.00'),
      includedMinutes,
      overageRatePerMinute: usd('0.03'),
      billingIncrement: increment,
    });
  const free = (billedSeconds: number) => usage('default', '0', billedSeconds, '0');

  it('bills only the fee up to the included minutes, to the second', () => {
    expect(
      flat(100)
        .billPeriod('2026-10', [free(3000), free(3000)])
        .map((line) => line.kind),
    ).toEqual(['fixed_fee']);
  });

  it('bills the seconds beyond the included minutes at the overage rate', () => {
    const lines = flat(100, new BillingIncrement(60, 1)).billPeriod('2026-10', [free(5990), free(71)]);
    expect(shown(lines)[1]).toEqual({
      kind: 'overage',
      description: '1.02 minutes beyond the 100 included, at 0.03 USD',
      period: '2026-10',
      billedSeconds: 61,
      quantity: 1.02,
      unitPrice: '0.03',
      amount: '0.0305', // 61 × 0.03 / 60
    });
  });

  it('bills whole-minute overage exactly as minutes × rate, as periodLines did', () => {
    const bySeconds = flat(100).billPeriod('2026-10', [free(6000), free(900)]);
    const byMinutes = flat(100).periodLines('2026-10', [{ unitPrice: usd('0'), minutes: 115, callCount: 2 }]);
    expect(shown(bySeconds).map(({ billedSeconds: _, ...line }) => line)).toEqual(shown(byMinutes));
  });

  it('never bills overage with unlimited minutes', () => {
    expect(
      flat(null)
        .billPeriod('2026-10', [free(10_000_000)])
        .map((line) => line.kind),
    ).toEqual(['fixed_fee']);
  });
});
