import fc from 'fast-check';
import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { Money } from '../../shared/domain/money';
import type { BillingPlan } from './billing-plan';
import { ratePerStartedMinute } from './call-rating';
import { FlatPlan } from './flat.plan';
import { PostpaidPlan } from './postpaid.plan';
import { PrepaidPlan } from './prepaid.plan';

const usd = (amount: string) => Money.of(amount, 'USD');
const rate = { group: 'default', ratePerMinute: usd('0.02') };
const seconds = (durationSeconds: number) => aCallToRate({ durationSeconds });

const postpaid = new PostpaidPlan('postpaid', usd('0.015'));
const prepaid = new PrepaidPlan('prepaid', usd('0.02'));
const flat = new FlatPlan('flat', {
  monthlyFee: usd('20.00'),
  includedMinutes: 100,
  overageRatePerMinute: usd('0.03'),
});

/** Rates in plain decimal strings, from 0 to 9.999999, as a catalog gives them. */
const aRate = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([units, micros]) => usd(`${units}.${String(micros).padStart(6, '0')}`));

describe('rating per started minute', () => {
  it.each([
    [1, 60],
    [59, 60],
    [60, 60],
    [61, 120],
    [119, 120],
    [120, 120],
    [86_400, 86_400],
  ])('bills a call of %i seconds as %i seconds', (duration, billed) => {
    const rating = ratePerStartedMinute(seconds(duration), rate);
    expect(rating.billedSeconds).toBe(billed);
    expect(rating.charge.toString()).toBe(
      usd('0.02')
        .times(billed / 60)
        .toString(),
    );
  });

  it('keeps the rate it was given, group and all', () => {
    const weekend = { group: 'weekend', ratePerMinute: usd('0.00') };
    expect(ratePerStartedMinute(seconds(61), weekend).rate).toBe(weekend);
  });

  it('charges whole minutes exactly as minutes × rate, as calls in minutes always were', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), aRate, (minutes, ratePerMinute) => {
        const rating = ratePerStartedMinute(aCallToRate({ minutes }), { group: 'default', ratePerMinute });
        expect(rating.billedSeconds).toBe(minutes * 60);
        expect(rating.charge.equals(ratePerMinute.times(minutes))).toBe(true);
      }),
    );
  });

  it('never bills less than the duration, and bills more for a longer call', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: 0, max: 3600 }),
        (duration, more) => {
          const shorter = ratePerStartedMinute(seconds(duration), rate);
          const longer = ratePerStartedMinute(seconds(duration + more), rate);
          expect(shorter.billedSeconds).toBeGreaterThanOrEqual(duration);
          expect(shorter.billedSeconds - duration).toBeLessThan(60);
          expect(longer.billedSeconds).toBeGreaterThanOrEqual(shorter.billedSeconds);
          expect(longer.charge.compareTo(shorter.charge)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('plans rate the whole call', () => {
  it('rates a per-minute call at the plan rate, in the default group', () => {
    const rating = postpaid.rateCall(aCallToRate({ minutes: 3 }));
    expect(rating.rate.group).toBe('default');
    expect(rating.rate.ratePerMinute.toString()).toBe('0.015');
    expect(rating.billedSeconds).toBe(180);
    expect(rating.charge.toString()).toBe('0.045');
  });

  it('counts a flat call in billed seconds, at no charge', () => {
    const rating = flat.rateCall(seconds(61));
    expect(rating).toMatchObject({ rate: { group: 'default' }, billedSeconds: 120 });
    expect(rating.charge.isZero()).toBe(true);
  });

  it.each<[string, BillingPlan]>([
    ['postpaid', postpaid],
    ['prepaid', prepaid],
    ['flat', flat],
  ])('prices a %s call by its duration alone: destination, start and line do not change it', (_, plan) => {
    const anywhere = fc.record({
      destination: fc.option(fc.string({ maxLength: 32 }), { nil: null }),
      startedAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }),
      phoneNumber: fc.constantFrom('+351912345678', '+14155550100'),
      timezone: fc.constantFrom('UTC', 'Europe/Lisbon', 'Pacific/Kiritimati'),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), anywhere, (minutes, call) => {
        const rating = plan.rateCall(aCallToRate({ ...call, minutes }));
        const reference = plan.rateCall(aCallToRate({ minutes }));
        expect(rating.charge.equals(reference.charge)).toBe(true);
        expect(rating.rate).toEqual(reference.rate);
        expect(rating.billedSeconds).toBe(reference.billedSeconds);
      }),
    );
  });
});

describe('the prepaid capability', () => {
  it('is a property of the prepaid plan: its currency, and its rate for the minutes a balance buys', () => {
    expect(prepaid.balance.currency).toBe('USD');
    expect(
      prepaid.balance.ratePerMinuteFor({ destination: null, startedAt: new Date('2026-10-05T00:00:00Z') }),
    ).toBe(prepaid.ratePerMinute);
    expect(prepaid.drawsFromBalance).toBe(true);
  });

  it.each<[string, BillingPlan]>([
    ['postpaid', postpaid],
    ['flat', flat],
  ])('is absent from a %s plan', (_, plan) => {
    expect(plan.balance).toBeNull();
    expect(plan.drawsFromBalance).toBe(false);
  });
});
