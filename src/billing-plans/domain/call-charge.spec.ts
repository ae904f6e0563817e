import fc from 'fast-check';
import { Money } from '../../shared/domain/money';
import { BillingIncrement } from './billing-increment';
import { callCharge } from './call-charge';
import { Tariff } from './tariff';

const usd = (amount: string) => Money.of(amount, 'USD');
const free = usd('0');

/** Amounts as a catalog gives them: plain decimal strings with at most 6 decimals. */
const anAmount = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([units, micros]) => `${units}.${String(micros).padStart(6, '0')}`);

/** An independent oracle in integer micro-units: round half-up of (60 × fee + seconds × rate) / 60. */
function expectedMicros(billedSeconds: number, rate: string, fee: string): bigint {
  const micros = (amount: string) => BigInt(amount.replace('.', ''));
  const numerator = 60n * micros(fee) + BigInt(billedSeconds) * micros(rate);
  return (2n * numerator + 60n) / 120n;
}

describe('callCharge', () => {
  it('charges billed seconds at the per-minute rate', () => {
    expect(callCharge(180, usd('0.02'), free).toString()).toBe('0.06');
    expect(callCharge(61, usd('0.06'), free).toString()).toBe('0.061');
    expect(callCharge(30, usd('0.05'), free).toString()).toBe('0.025');
  });

  it('adds the connect fee to every call, however short', () => {
    expect(callCharge(60, usd('0.02'), usd('0.10')).toString()).toBe('0.12');
    expect(callCharge(1, usd('0.06'), usd('0.10')).toString()).toBe('0.101');
    expect(callCharge(60, usd('0'), usd('0.10')).toString()).toBe('0.10');
  });

  it('rounds half-up to 6 decimals, and only there', () => {
    // 61 s at 0.01 a minute = 0.0101666… → 0.010167
    expect(callCharge(61, usd('0.01'), free).toString()).toBe('0.010167');
    // 1 s at 0.000001 a minute = 0.0000000166… → 0.000000
    expect(callCharge(1, usd('0.000001'), free).toString()).toBe('0.00');
    // 1 s at 0.00003 a minute = 0.0000005 exactly: the tie goes up
    expect(callCharge(1, usd('0.00003'), free).toString()).toBe('0.000001');
    // just below the tie: 1 s at 0.000029 = 0.00000048333… → 0.000000
    expect(callCharge(1, usd('0.000029'), free).toString()).toBe('0.00');
    // 7 s at 0.01 = 0.0011666…, plus a fee of 0.000001 = 0.0011676… → 0.001168 (rounded once, after the fee)
    expect(callCharge(7, usd('0.01'), usd('0.000001')).toString()).toBe('0.001168');
  });

  it('keeps its currency', () => {
    expect(callCharge(61, Money.of('0.02', 'EUR'), Money.zero('EUR')).currency).toBe('EUR');
    expect(() => callCharge(61, Money.of('0.02', 'EUR'), free)).toThrow('Cannot combine amounts');
  });

  it('agrees with integer arithmetic for every duration, rate and fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 172_800 }), anAmount, anAmount, (seconds, rate, fee) => {
        const charge = callCharge(seconds, usd(rate), usd(fee));
        expect(charge.amount.times(1_000_000).toFixed()).toBe(expectedMicros(seconds, rate, fee).toString());
      }),
    );
  });

  it('charges whole minutes exactly as minutes × rate (60/60 is what plans always charged)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), anAmount, (minutes, rate) => {
        expect(callCharge(minutes * 60, usd(rate), free).equals(usd(rate).times(minutes))).toBe(true);
      }),
    );
  });

  it('charges more, never less, for more billed seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: 0, max: 3600 }),
        anAmount,
        anAmount,
        (seconds, more, rate, fee) => {
          const shorter = callCharge(seconds, usd(rate), usd(fee));
          const longer = callCharge(seconds + more, usd(rate), usd(fee));
          expect(longer.compareTo(shorter)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("a tariff's charges", () => {
  it('are the exact charges of callCharge, however often and in whatever order they are asked', () => {
    fc.assert(
      fc.property(
        fc.array(anAmount, { minLength: 1, maxLength: 3 }),
        anAmount,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 86_400 })), { maxLength: 60 }),
        (rates, fee, asked) => {
          const ratesPerMinute = rates.map(usd);
          const tariff = new Tariff({
            ratePerMinute: ratesPerMinute[0],
            increment: new BillingIncrement(1, 1),
            connectFee: usd(fee),
            deck: null,
          });
          for (const [which, seconds] of [...asked, ...asked]) {
            const rate = ratesPerMinute[which % ratesPerMinute.length];
            const charge = tariff.charge(seconds, rate);
            const fresh = callCharge(seconds, rate, usd(fee));
            expect(charge.equals(fresh) && charge.toString() === fresh.toString()).toBe(true);
          }
        },
      ),
    );
  });

  it('stay exact past the number of charges a tariff remembers', () => {
    const rate = usd('0.013');
    const tariff = Tariff.perStartedMinute(rate);
    for (let seconds = 1; seconds <= 25_000; seconds += 1) tariff.charge(seconds, rate);
    for (const seconds of [1, 60, 19_999, 20_001, 25_000])
      expect(tariff.charge(seconds, rate).equals(callCharge(seconds, rate, usd('0')))).toBe(true);
  });
});
