import fc from 'fast-check';
import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { Money } from '../../shared/domain/money';
import { NoRateForDestinationError } from './billing-plan.errors';
import { PlanCatalog } from './plan-catalog';

const destinations = [
  { prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' },
  { prefix: '+3519', group: 'Portugal mobile', ratePerMinute: '0.05' },
  { prefix: '+1', group: 'US and Canada', ratePerMinute: '0.01' },
];
const intl = {
  type: 'postpaid',
  currency: 'USD',
  ratePerMinute: '0.03',
  billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
  destinations,
};
const catalog = PlanCatalog.fromConfiguration(
  {
    intl,
    'intl-60-60': { ...intl, billingIncrement: { firstSeconds: 60, nextSeconds: 60 } },
    'deck-only': { type: 'postpaid', currency: 'USD', destinations },
    'with-fee': { ...intl, connectFee: '0.10' },
    'prepaid-intl': { ...intl, type: 'prepaid' },
  },
  'intl',
);
const call = (destination: string | null, durationSeconds = 180) =>
  aCallToRate({ destination, durationSeconds, phoneNumber: '+351912345678' });

describe('rating by destination, in billing increments', () => {
  it('prices a call by the longest prefix of its destination, naming its group', () => {
    const rating = catalog.get('intl').rateCall(call('+351912345678'));
    expect(rating.rate.group).toBe('Portugal mobile');
    expect(rating.rate.ratePerMinute.toString()).toBe('0.05');
    expect(rating.charge.toString()).toBe('0.15');
    expect(catalog.get('intl').rateCall(call('+351212345678')).rate.group).toBe('Portugal');
  });

  it('reads a national destination in the country of the calling line', () => {
    expect(catalog.get('intl').rateCall(call('912345678')).rate.group).toBe('Portugal mobile');
    expect(catalog.get('intl').rateCall(call('00 1 415 555 0100')).rate.group).toBe('US and Canada');
  });

  it.each([
    ['a destination no prefix matches', '+447700900123'],
    ['a call without a destination', null],
    ['a destination that is not a number', 'voicemail'],
    ['a short code', '112'],
  ])('prices %s at the plan rate, group default', (_, destination) => {
    const rating = catalog.get('intl').rateCall(call(destination));
    expect(rating.rate).toEqual({ group: 'default', ratePerMinute: Money.of('0.03', 'USD') });
    expect(rating.charge.toString()).toBe('0.09');
  });

  it('has no price for such a call when the plan has a deck and no rate of its own', () => {
    const plan = catalog.get('deck-only');
    expect(plan.rateCall(call('+351912345678')).rate.group).toBe('Portugal mobile');
    expect(() => plan.rateCall(call('+447700900123'))).toThrow(NoRateForDestinationError);
    expect(() => plan.rateCall(call(null))).toThrow(
      expect.objectContaining({
        code: 'no_rate_for_destination',
        category: 'unprocessable',
        field: 'destination',
      }),
    );
    expect(() => plan.rateCall(call('+447700900123'))).toThrow(
      'plan "deck-only" has no rate for destination "+447700900123"',
    );
  });

  it('bills a 61-second call at 60/1 as 61 seconds, and at 60/60 as 120 (the README example)', () => {
    const perSecond = catalog.get('intl').rateCall(call('+351912345678', 61));
    expect(perSecond.billedSeconds).toBe(61);
    expect(perSecond.charge.toString()).toBe('0.050833'); // 61 × 0.05 / 60 = 0.0508333…
    const perMinute = catalog.get('intl-60-60').rateCall(call('+351912345678', 61));
    expect(perMinute.billedSeconds).toBe(120);
    expect(perMinute.charge.toString()).toBe('0.10');
  });

  it('bills the first increment whole for a short call', () => {
    expect(catalog.get('intl').rateCall(call('+351912345678', 1)).billedSeconds).toBe(60);
    expect(catalog.get('intl').rateCall(call('+351912345678', 60)).billedSeconds).toBe(60);
  });

  it('adds the connect fee to each call', () => {
    const rating = catalog.get('with-fee').rateCall(call('+351912345678', 60));
    expect(rating.charge.toString()).toBe('0.15'); // 0.10 + 0.05
  });

  it('rates prepaid calls by destination too, and its balance capability answers for a destination', () => {
    const plan = catalog.get('prepaid-intl');
    expect(plan.rateCall(call('+14155550100', 120)).charge.toString()).toBe('0.02');
    const at = { startedAt: new Date('2026-10-05T00:00:00Z'), phoneNumber: '+351912345678' };
    expect(plan.balance!.ratePerMinuteFor({ ...at, destination: '912345678' }).toString()).toBe('0.05');
    expect(plan.balance!.ratePerMinuteFor({ ...at, destination: null }).toString()).toBe('0.03');
    // 1.00 at 0.05 a minute, 60/1: 20 minutes
    expect(
      plan.balance!.remainingSeconds(Money.of('1.00', 'USD'), { ...at, destination: '+351912345678' }),
    ).toBe(1200);
  });

  it('charges more, never less, for a longer call to the same destination', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('+351912345678', '+351212345678', '+14155550100', '+447700900123', null),
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: 0, max: 3600 }),
        (destination, seconds, more) => {
          const plan = catalog.get('with-fee');
          const shorter = plan.rateCall(call(destination, seconds));
          const longer = plan.rateCall(call(destination, seconds + more));
          expect(shorter.billedSeconds).toBeGreaterThanOrEqual(seconds);
          expect(longer.billedSeconds).toBeGreaterThanOrEqual(shorter.billedSeconds);
          expect(longer.charge.compareTo(shorter.charge)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
