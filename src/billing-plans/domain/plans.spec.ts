import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { Money } from '../../shared/domain/money';
import type { BillingPlan, UsageGroup } from './billing-plan';
import { FlatPlan, type FlatSettings } from './flat.plan';
import { PostpaidPlan } from './postpaid.plan';
import { PrepaidPlan } from './prepaid.plan';

/** A call of whole minutes, as plans are rated today. */
const aCallOf = (minutes: number) => aCallToRate({ minutes });

const usd = (amount: string) => Money.of(amount, 'USD');
const usage = (unitPrice: string, minutes: number, callCount = 1): UsageGroup => ({
  unitPrice: usd(unitPrice),
  minutes,
  callCount,
});
const flat = (settings: Partial<FlatSettings> = {}) =>
  new FlatPlan('flat', {
    monthlyFee: usd('20.00'),
    includedMinutes: null,
    overageRatePerMinute: usd('0.02'),
    ...settings,
  });

describe('per-minute plans', () => {
  describe.each([
    ['PostpaidPlan', (rate: string) => new PostpaidPlan('postpaid', usd(rate))],
    ['PrepaidPlan', (rate: string) => new PrepaidPlan('prepaid', usd(rate))],
  ])('%s', (_name, plan) => {
    it('charges minutes × rate exactly, without rounding', () => {
      const rating = plan('0.015').rateCall(aCallOf(3));
      expect(rating.charge.toJSON()).toEqual({ amount: '0.045', currency: 'USD' });
      expect(rating.rate.ratePerMinute.toJSON()).toEqual({ amount: '0.015', currency: 'USD' });
    });

    it('charges a long call exactly', () => {
      expect(plan('0.02').rateCall(aCallOf(1440)).charge.toString()).toBe('28.80');
      expect(plan('0.005').rateCall(aCallOf(1)).charge.toString()).toBe('0.005');
    });

    it('bills the period as one exact usage line per unit price, cheapest first', () => {
      const lines = plan('0.02').periodLines('2026-10', [usage('0.02', 412, 31), usage('0.015', 3, 3)]);
      expect(
        lines.map((line) => ({
          ...line,
          unitPrice: line.unitPrice?.toString(),
          amount: line.amount.toString(),
        })),
      ).toEqual([
        {
          kind: 'usage',
          description: '3 minutes at 0.015 USD',
          period: '2026-10',
          quantity: 3,
          unitPrice: '0.015',
          amount: '0.045',
        },
        {
          kind: 'usage',
          description: '412 minutes at 0.02 USD',
          period: '2026-10',
          quantity: 412,
          unitPrice: '0.02',
          amount: '8.24',
        },
      ]);
    });

    it('has no lines for a period without calls', () => {
      expect(plan('0.02').periodLines('2026-10', [])).toEqual([]);
    });

    it('takes its currency from the rate', () => {
      expect(plan('0.02').currency).toBe('USD');
    });
  });

  it('draws prepaid calls from the balance, and postpaid calls not', () => {
    expect(new PrepaidPlan('prepaid', usd('0.02')).drawsFromBalance).toBe(true);
    expect(new PostpaidPlan('postpaid', usd('0.02')).drawsFromBalance).toBe(false);
  });

  it('describes a postpaid plan the way GET /v1/plans shows it', () => {
    expect(new PostpaidPlan('postpaid', usd('0.02')).describe()).toEqual({
      code: 'postpaid',
      type: 'postpaid',
      ratePerMinute: '0.02',
      currency: 'USD',
    });
  });

  it('describes a prepaid plan under its own code and type', () => {
    expect(new PrepaidPlan('prepaid-eu', Money.of('0.015', 'EUR')).describe()).toEqual({
      code: 'prepaid-eu',
      type: 'prepaid',
      ratePerMinute: '0.015',
      currency: 'EUR',
    });
  });
});

describe('FlatPlan', () => {
  it('rates every call at 0.00', () => {
    const plan: BillingPlan = flat();
    for (const minutes of [1, 3, 1440]) {
      const rating = plan.rateCall(aCallOf(minutes));
      expect(rating.charge.toJSON()).toEqual({ amount: '0.00', currency: 'USD' });
      expect(rating.rate.ratePerMinute.isZero()).toBe(true);
    }
  });

  it('does not draw from a balance', () => {
    expect(flat().drawsFromBalance).toBe(false);
  });

  it('bills the monthly fee as one fixed_fee line', () => {
    const lines = flat().periodLines('2026-10', []);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: 'fixed_fee', period: '2026-10', quantity: 1 });
    expect(lines[0].description).toContain('flat');
    expect(lines[0].unitPrice?.toString()).toBe('20.00');
    expect(lines[0].amount.toJSON()).toEqual({ amount: '20.00', currency: 'USD' });
  });

  it('bills no overage when minutes are unlimited, however many there are', () => {
    const lines = flat({ includedMinutes: null }).periodLines('2026-10', [usage('0.00', 1_000_000, 900)]);
    expect(lines.map((line) => line.kind)).toEqual(['fixed_fee']);
  });

  it('bills no overage up to the included minutes', () => {
    const lines = flat({ includedMinutes: 100 }).periodLines('2026-10', [usage('0.00', 100, 7)]);
    expect(lines.map((line) => line.kind)).toEqual(['fixed_fee']);
  });

  it('bills only the minutes beyond the included ones as overage', () => {
    const lines = flat({ includedMinutes: 100 }).periodLines('2026-10', [usage('0.00', 101, 7)]);
    expect(lines.map((line) => line.kind)).toEqual(['fixed_fee', 'overage']);
    expect(lines[1]).toMatchObject({ period: '2026-10', quantity: 1 });
    expect(lines[1].unitPrice?.toString()).toBe('0.02');
    expect(lines[1].amount.toString()).toBe('0.02');
    expect(lines[1].description).toBe('1 minute beyond the 100 included, at 0.02 USD');
  });

  it('counts the minutes of every usage group towards the included ones', () => {
    const lines = flat({ includedMinutes: 100 }).periodLines('2026-10', [
      usage('0.00', 60, 2),
      usage('0.00', 50, 3),
    ]);
    expect(lines[1]).toMatchObject({ kind: 'overage', quantity: 10 });
    expect(lines[1].amount.toString()).toBe('0.20');
  });

  it('bills overage exactly, leaving rounding to the invoice', () => {
    const lines = flat({ includedMinutes: 0, overageRatePerMinute: usd('0.015') }).periodLines('2026-10', [
      usage('0.00', 3, 3),
    ]);
    expect(lines[1].amount.toString()).toBe('0.045');
  });

  it('describes itself the way GET /v1/plans shows it', () => {
    expect(flat().describe()).toEqual({
      code: 'flat',
      type: 'flat',
      monthlyFee: '20.00',
      includedMinutes: null,
      overageRatePerMinute: '0.02',
      currency: 'USD',
    });
    expect(flat({ includedMinutes: 1000 }).describe().includedMinutes).toBe(1000);
  });
});
