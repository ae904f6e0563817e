import fc from 'fast-check';
import { Money } from '../../shared/domain/money';
import { coveredByBalance, drawDown } from './balance-drawdown';

const usd = (amount: string) => Money.of(amount, 'USD');

/** Plain decimal strings such as "-12.345", built from digits so no float is ever involved. */
const decimal = (min: bigint, max: bigint) =>
  fc.tuple(fc.bigInt({ min, max }), fc.integer({ min: 0, max: 4 })).map(([units, scale]) => {
    const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
    return `${units < 0n ? '-' : ''}${whole}${fraction}`;
  });

describe('coveredByBalance', () => {
  it('covers the whole charge when the balance is enough', () => {
    expect(coveredByBalance(usd('10.00'), usd('0.06')).toJSON()).toEqual({ amount: '0.06', currency: 'USD' });
    expect(coveredByBalance(usd('0.06'), usd('0.06')).toString()).toBe('0.06');
  });

  it('covers the charge exactly, to the fraction of a cent', () => {
    expect(coveredByBalance(usd('1.00'), usd('0.045')).toString()).toBe('0.045');
  });

  it('covers part of the charge when the balance is smaller', () => {
    expect(coveredByBalance(usd('0.05'), usd('0.06')).toString()).toBe('0.05');
    expect(coveredByBalance(usd('0.001'), usd('28.80')).toString()).toBe('0.001');
  });

  it('covers nothing once the balance is zero', () => {
    expect(coveredByBalance(usd('0.00'), usd('0.06')).toJSON()).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('covers nothing when the balance is negative', () => {
    expect(coveredByBalance(usd('-0.20'), usd('0.06')).toString()).toBe('0.00');
  });

  it('answers in the currency of the charge', () => {
    expect(coveredByBalance(Money.of('-1.00', 'EUR'), Money.of('0.06', 'EUR')).currency).toBe('EUR');
  });

  it('never covers more than the charge or the positive balance, nor less than zero', () => {
    fc.assert(
      fc.property(decimal(-1_000_000n, 1_000_000n), decimal(0n, 1_000_000n), (balanceText, chargeText) => {
        const balance = usd(balanceText);
        const charge = usd(chargeText);
        const covered = coveredByBalance(balance, charge);
        const available = balance.max(Money.zero('USD'));
        expect(covered.isNegative()).toBe(false);
        expect(covered.compareTo(charge)).toBeLessThanOrEqual(0);
        expect(covered.compareTo(available)).toBeLessThanOrEqual(0);
        // and it takes all it may: the smaller of the two
        expect(covered.equals(available.min(charge))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('drawDown', () => {
  it("takes each call's charge from its own customer's balance, one after the other", () => {
    const { covered, balances } = drawDown(
      new Map([
        ['ada', usd('0.10')],
        ['bob', usd('-1.00')],
      ]),
      [
        { callId: 'c1', customerId: 'ada', charge: usd('0.06') },
        { callId: 'c2', customerId: 'bob', charge: usd('0.02') },
        { callId: 'c3', customerId: 'ada', charge: usd('0.06') },
        { callId: 'c4', customerId: 'ada', charge: usd('0.06') },
      ],
    );
    expect([...covered].map(([call, amount]) => [call, amount.toString()])).toEqual([
      ['c1', '0.06'],
      ['c2', '0.00'],
      ['c3', '0.04'],
      ['c4', '0.00'],
    ]);
    expect(balances.get('ada')!.toString()).toBe('-0.08');
    expect(balances.get('bob')!.toString()).toBe('-1.02');
  });

  it('lowers each balance by exactly the sum of its charges, whatever they cover', () => {
    fc.assert(
      fc.property(
        decimal(-10_000n, 10_000n),
        fc.array(decimal(0n, 10_000n), { maxLength: 20 }),
        (start, charges) => {
          const { covered, balances } = drawDown(
            new Map([['ada', usd(start)]]),
            charges.map((charge, index) => ({ callId: `c${index}`, customerId: 'ada', charge: usd(charge) })),
          );
          const total = Money.sum(charges.map(usd), 'USD');
          expect(balances.get('ada')!.equals(usd(start).minus(total))).toBe(true);
          const coveredTotal = Money.sum([...covered.values()], 'USD');
          expect(coveredTotal.compareTo(usd(start).max(Money.zero('USD')))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
