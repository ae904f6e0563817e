import fc from 'fast-check';
import { Money } from '../../shared/domain/money';
import { BillingIncrement } from './billing-increment';
import { callCharge } from './call-charge';
import { remainingSeconds, type DestinationPrice } from './remaining-seconds';

const usd = (amount: string) => Money.of(amount, 'USD');
const price = (rate: string, first = 60, next = 60, fee = '0'): DestinationPrice => ({
  ratePerMinute: usd(rate),
  increment: new BillingIncrement(first, next),
  connectFee: usd(fee),
});
const chargeOf = (seconds: number, p: DestinationPrice) => callCharge(seconds, p.ratePerMinute, p.connectFee);

describe('remainingSeconds', () => {
  it('is the whole minutes a balance buys at 60/60', () => {
    expect(remainingSeconds(usd('10.00'), price('0.02'))).toBe(500 * 60);
    expect(remainingSeconds(usd('0.05'), price('0.02'))).toBe(120); // 0.06 would be 3 minutes
  });

  it('counts per second after the first increment at 60/1', () => {
    // 0.10 at 0.06 a minute = 0.001 a second: the first minute (0.06), then 40 seconds.
    expect(remainingSeconds(usd('0.10'), price('0.06', 60, 1))).toBe(100);
  });

  it('counts in steps of the next increment at 30/6', () => {
    // 0.10 at 0.05 a minute: 120 s cost exactly 0.10 (30 + 15 × 6).
    expect(remainingSeconds(usd('0.10'), price('0.05', 30, 6))).toBe(120);
    expect(remainingSeconds(usd('0.099999'), price('0.05', 30, 6))).toBe(114);
  });

  it('takes the connect fee out first', () => {
    // 0.20 with a fee of 0.10 at 0.02 a minute (60/60): 5 minutes.
    expect(remainingSeconds(usd('0.20'), price('0.02', 60, 60, '0.10'))).toBe(300);
  });

  it('is 0 when the balance is zero or negative', () => {
    expect(remainingSeconds(usd('0'), price('0.02'))).toBe(0);
    expect(remainingSeconds(usd('-3.00'), price('0.02'))).toBe(0);
  });

  it('is 0 when the balance does not pay the first increment, connect fee included', () => {
    expect(remainingSeconds(usd('0.019999'), price('0.02'))).toBe(0);
    expect(remainingSeconds(usd('0.02'), price('0.02'))).toBe(60);
    expect(remainingSeconds(usd('0.10'), price('0.02', 60, 1, '0.09'))).toBe(0);
  });

  it('counts charges as they are rounded to 6 decimals: a call whose charge rounds down to the balance is paid', () => {
    // At 0.00004 a minute, 2 s cost 0.0000013… charged 0.000001: paid by 0.000001; 3 s cost 0.000002.
    expect(remainingSeconds(usd('0.000001'), price('0.00004', 1, 1))).toBe(2);
  });

  it('refuses a zero rate, which a balance would pay forever', () => {
    expect(() => remainingSeconds(usd('1.00'), price('0'))).toThrow(RangeError);
  });

  it('is the longest call the balance pays in full: charge(remaining) <= balance < charge(remaining + one step)', () => {
    const amount = (maxUnits: number) =>
      fc
        .tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: 999_999 }))
        .map(([units, micros]) => `${units}.${String(micros).padStart(6, '0')}`);
    fc.assert(
      fc.property(
        amount(10_000),
        amount(2).filter((rate) => !/^0\.0+$/.test(rate)),
        amount(1),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        (balance, rate, fee, first, next) => {
          const p = price(rate, first, next, fee);
          const remaining = remainingSeconds(usd(balance), p);
          if (remaining === 0) {
            expect(chargeOf(first, p).compareTo(usd(balance))).toBe(1);
            return;
          }
          expect((remaining - first) % next).toBe(0);
          expect(chargeOf(remaining, p).compareTo(usd(balance))).toBeLessThanOrEqual(0);
          expect(chargeOf(remaining + next, p).compareTo(usd(balance))).toBe(1);
        },
      ),
    );
  });
});
