import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Money } from './money';
import {
  CurrencyMismatchError,
  InvalidCurrencyError,
  InvalidMoneyAmountError,
  InvalidMoneyFactorError,
} from './shared.errors';

const usd = (amount: string | number | bigint) => Money.of(amount, 'USD');

/** Plain decimal strings such as "-123.0045", built from digits so no float is ever involved. */
const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([negative, digits, scale]) => {
    const padded = digits.toString().padStart(scale + 1, '0');
    const whole = padded.slice(0, padded.length - scale);
    const fraction = padded.slice(padded.length - scale);
    return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
  });
const money = decimalString.map(usd);

describe('Money', () => {
  describe('creation', () => {
    it('accepts plain decimal strings, bigints, safe integers and finite Decimals', () => {
      expect(usd('12.34').toString()).toBe('12.34');
      expect(usd('-0.045').toString()).toBe('-0.045');
      expect(usd(412n).toString()).toBe('412.00');
      expect(usd(412).toString()).toBe('412.00');
      expect(Money.of(new Decimal('0.015'), 'EUR').toJSON()).toEqual({ amount: '0.015', currency: 'EUR' });
    });

    it.each(['1e3', '', '1.', '.5', 'abc', ' 1', '1 ', '+1', '1,5', '0x10', 'NaN', 'Infinity', '--1'])(
      'rejects the amount %j',
      (raw) => {
        expect(() => usd(raw)).toThrow(InvalidMoneyAmountError);
      },
    );

    it('rejects floats, unsafe integers and non-finite numbers', () => {
      for (const raw of [0.1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => usd(raw)).toThrow(InvalidMoneyAmountError);
      }
      expect(() => Money.of(new Decimal(Number.NaN), 'USD')).toThrow(InvalidMoneyAmountError);
    });

    it('names the rule it breaks with a stable code', () => {
      expect(() => usd('1e3')).toThrow(
        expect.objectContaining({ code: 'invalid_money_amount', category: 'validation' }),
      );
    });

    it.each(['usd', 'US', 'USDT', '', 'U$D'])('rejects the currency %j', (currency) => {
      expect(() => Money.of('1.00', currency)).toThrow(InvalidCurrencyError);
    });
  });

  describe('arithmetic', () => {
    it('sums one million two-cent charges to exactly 20000.00', () => {
      const charges = new Array<Money>(1_000_000).fill(usd('0.02'));
      expect(Money.sum(charges, 'USD').toString()).toBe('20000.00');
    }, 30_000);

    it('adds what floats cannot', () => {
      expect(usd('0.1').plus(usd('0.2')).equals(usd('0.3'))).toBe(true);
    });

    it('multiplies exactly by minutes', () => {
      expect(usd('0.015').times(3).toString()).toBe('0.045');
      expect(usd('0.02').times(412).toString()).toBe('8.24');
      expect(usd('0.02').times('1.5').toString()).toBe('0.03');
      expect(usd('0.02').times(3n).toString()).toBe('0.06');
    });

    it('refuses a float factor', () => {
      expect(() => usd('0.02').times(0.1)).toThrow(InvalidMoneyFactorError);
      expect(() => usd('0.02').times('1e2')).toThrow(InvalidMoneyFactorError);
    });

    it('sums an empty list to zero in the given currency', () => {
      expect(Money.sum([], 'EUR').toJSON()).toEqual({ amount: '0.00', currency: 'EUR' });
    });

    it('refuses to combine different currencies', () => {
      const eur = Money.of('1.00', 'EUR');
      expect(() => usd('1.00').plus(eur)).toThrow(CurrencyMismatchError);
      expect(() => usd('1.00').minus(eur)).toThrow(CurrencyMismatchError);
      expect(() => usd('1.00').compareTo(eur)).toThrow(CurrencyMismatchError);
      expect(() => usd('1.00').min(eur)).toThrow(CurrencyMismatchError);
      expect(() => Money.sum([usd('1.00'), eur], 'USD')).toThrow(CurrencyMismatchError);
    });

    it('is never equal across currencies', () => {
      expect(usd('1.00').equals(Money.of('1.00', 'EUR'))).toBe(false);
    });

    it('compares by value, not by written form', () => {
      expect(usd('0.5').equals(usd('0.50'))).toBe(true);
      expect(usd('0.045').compareTo(usd('0.05'))).toBe(-1);
      expect(usd('0.05').compareTo(usd('0.045'))).toBe(1);
      expect(usd('1').compareTo(usd('1.000'))).toBe(0);
      expect(usd('0.2').min(usd('0.15')).toString()).toBe('0.15');
      expect(usd('-0.2').max(usd('-0.15')).toString()).toBe('-0.15');
    });

    it('tells its sign', () => {
      expect([usd('0').isZero(), usd('0').isPositive(), usd('0').isNegative()]).toEqual([true, false, false]);
      expect([usd('-0.00').isZero(), usd('-0.00').isNegative()]).toEqual([true, false]);
      expect([usd('0.001').isPositive(), usd('-0.001').isNegative()]).toEqual([true, true]);
    });

    it('never changes in place', () => {
      const price = usd('0.02');
      price.plus(usd('1')).times(3).negated();
      expect(price.toString()).toBe('0.02');
      expect(Object.isFrozen(price)).toBe(true);
    });
  });

  describe('rounding to the cent', () => {
    it.each([
      ['0.045', '0.05'],
      ['-0.045', '-0.05'],
      ['0.044', '0.04'],
      ['-0.044', '-0.04'],
      ['0.005', '0.01'],
      ['-0.005', '-0.01'],
      ['0.0049999', '0.00'],
      ['-0.0049', '0.00'],
      ['2.675', '2.68'],
      ['1.015', '1.02'],
      ['8.24', '8.24'],
      ['19.995', '20.00'],
    ])('rounds half away from zero to the cent: %s → %s', (exact, rounded) => {
      expect(usd(exact).roundedToCents().toString()).toBe(rounded);
    });

    it('ignores the global decimal.js configuration', () => {
      const saved = Decimal.rounding;
      Decimal.set({ rounding: Decimal.ROUND_HALF_EVEN });
      try {
        expect(usd('0.025').roundedToCents().toString()).toBe('0.03');
      } finally {
        Decimal.set({ rounding: saved });
      }
    });
  });

  describe('formatting', () => {
    it.each([
      ['0.03', '0.03'],
      ['0.045', '0.045'],
      ['20', '20.00'],
      ['20.0', '20.00'],
      ['-0.2', '-0.20'],
      ['8.240', '8.24'],
      ['0', '0.00'],
      ['-0', '0.00'],
      ['-0.000', '0.00'],
      ['12.3456', '12.3456'],
      ['0.0000001', '0.0000001'],
      ['100000000000000000000000', '100000000000000000000000.00'],
    ])('writes %s as %s', (amount, written) => {
      expect(usd(amount).format()).toBe(written);
      expect(usd(amount).toString()).toBe(written);
    });

    it('never writes negative zero', () => {
      expect(usd('0.01').minus(usd('0.01')).toString()).toBe('0.00');
      expect(usd('0').negated().toString()).toBe('0.00');
      expect(usd('-0.001').roundedToCents().toString()).toBe('0.00');
      expect(usd('0.01').times(-0).toString()).toBe('0.00');
    });

    it('formats a plain decimal string exactly as the Money it stands for', () => {
      fc.assert(
        fc.property(decimalString, fc.integer({ min: 0, max: 3 }), (amount, extraZeros) => {
          const withTrailingZeros = amount.includes('.')
            ? amount + '0'.repeat(extraZeros)
            : `${amount}.${'0'.repeat(extraZeros + 1)}`;
          expect(Money.formatAmount(amount)).toBe(usd(amount).format());
          expect(Money.formatAmount(withTrailingZeros)).toBe(usd(amount).format());
        }),
      );
      expect(Money.formatAmount('007.50')).toBe('7.50');
      expect(() => Money.formatAmount('1e3')).toThrow(InvalidMoneyAmountError);
    });

    it('serialises to an amount string, never a JSON number', () => {
      expect(JSON.stringify({ total: usd('8.24') })).toBe('{"total":{"amount":"8.24","currency":"USD"}}');
    });
  });

  describe('properties', () => {
    it('adds commutatively and associatively, exactly', () => {
      fc.assert(
        fc.property(money, money, money, (a, b, c) => {
          expect(a.plus(b).equals(b.plus(a))).toBe(true);
          expect(
            a
              .plus(b)
              .plus(c)
              .equals(a.plus(b.plus(c))),
          ).toBe(true);
          expect(a.plus(b).minus(b).equals(a)).toBe(true);
        }),
      );
    });

    it('reads back what it writes', () => {
      fc.assert(
        fc.property(money, (a) => {
          expect(usd(a.format()).equals(a)).toBe(true);
          expect(a.format()).toMatch(/^-?\d+\.\d{2,}$/);
          expect(a.format()).not.toMatch(/^-0\.0+$/);
        }),
      );
    });

    it('rounds within half a cent, symmetrically and idempotently', () => {
      const halfCent = usd('0.005');
      fc.assert(
        fc.property(money, (a) => {
          const rounded = a.roundedToCents();
          const error = a.minus(rounded);
          expect(error.max(error.negated()).compareTo(halfCent)).toBeLessThanOrEqual(0);
          expect(rounded.amount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(rounded.roundedToCents().equals(rounded)).toBe(true);
          expect(a.negated().roundedToCents().equals(rounded.negated())).toBe(true);
        }),
      );
    });

    it('keeps the sum of rounded parts within half a cent per part of the exact sum', () => {
      fc.assert(
        fc.property(fc.array(money, { maxLength: 50 }), (parts) => {
          const exact = Money.sum(parts, 'USD');
          const ofRounded = Money.sum(
            parts.map((part) => part.roundedToCents()),
            'USD',
          );
          const bound = usd('0.005').times(parts.length);
          const drift = exact.minus(ofRounded);
          expect(drift.max(drift.negated()).compareTo(bound)).toBeLessThanOrEqual(0);
          expect(ofRounded.roundedToCents().equals(ofRounded)).toBe(true);
        }),
      );
    });

    it('distributes multiplication over addition, exactly', () => {
      fc.assert(
        fc.property(money, money, fc.integer({ min: -100_000, max: 100_000 }), (a, b, minutes) => {
          expect(
            a
              .plus(b)
              .times(minutes)
              .equals(a.times(minutes).plus(b.times(minutes))),
          ).toBe(true);
        }),
      );
    });
  });
});
