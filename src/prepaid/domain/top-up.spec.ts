import { Money } from '../../shared/domain/money';
import { InvalidTopUpAmountError, InvalidTopUpReferenceError } from './prepaid.errors';
import { parseTopUp, remainingMinutes } from './top-up';

const usd = (amount: string) => Money.of(amount, 'USD');

describe('parseTopUp', () => {
  it.each([
    ['10.00', '10.00'],
    ['0.01', '0.01'],
    ['10000.00', '10000.00'],
    ['5', '5.00'],
    ['2.5', '2.50'],
    ['0.10', '0.10'],
  ])('accepts the amount %j as %s', (amount, balance) => {
    const topUp = parseTopUp(amount, 'pay-991', 'USD');
    expect(topUp.amount.toJSON()).toEqual({ amount: balance, currency: 'USD' });
    expect(topUp.reference).toBe('pay-991');
  });

  it('tops up in the given currency', () => {
    expect(parseTopUp('10.00', 'pay-991', 'EUR').amount.currency).toBe('EUR');
  });

  it.each([
    ['zero', '0'],
    ['zero with decimals', '0.00'],
    ['negative', '-1.00'],
    ['with three decimals', '10.001'],
    ['over the maximum', '10000.01'],
    ['far over the maximum', '100000'],
    ['in exponent notation', '1e3'],
    ['empty', ''],
    ['with a leading dot', '.50'],
    ['with a trailing dot', '10.'],
    ['with a plus sign', '+10.00'],
    ['padded with spaces', ' 10.00'],
    ['with a comma', '10,00'],
    ['a JSON number', 10],
    ['a JSON float', 10.5],
    ['null', null],
  ])('rejects an amount %s (%p)', (_case, amount) => {
    const attempt = () => parseTopUp(amount, 'pay-991', 'USD');
    expect(attempt).toThrow(InvalidTopUpAmountError);
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'invalid_top_up_amount', category: 'validation', field: 'amount' }),
    );
  });

  it('accepts references of 1 to 128 characters', () => {
    expect(parseTopUp('1.00', 'p', 'USD').reference).toBe('p');
    expect(parseTopUp('1.00', 'r'.repeat(128), 'USD').reference).toHaveLength(128);
  });

  it.each([
    ['empty', ''],
    ['129 characters long', 'r'.repeat(129)],
    ['a number', 991],
    ['missing', undefined],
  ])('rejects a reference that is %s', (_case, reference) => {
    const attempt = () => parseTopUp('10.00', reference, 'USD');
    expect(attempt).toThrow(InvalidTopUpReferenceError);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'invalid_top_up_reference',
        category: 'validation',
        field: 'reference',
      }),
    );
  });

  it('judges the amount before the reference', () => {
    expect(() => parseTopUp('0', '', 'USD')).toThrow(InvalidTopUpAmountError);
  });
});

describe('remainingMinutes', () => {
  it.each([
    ['9.99', '0.02', 499],
    ['10.00', '0.02', 500],
    ['9.94', '0.02', 497],
    ['0.045', '0.015', 3],
    ['0.044', '0.015', 2],
    ['0.01', '0.02', 0],
    ['10000.00', '0.005', 2_000_000],
  ])('buys whole minutes only: %s at %s → %i', (balance, rate, minutes) => {
    expect(remainingMinutes(usd(balance), usd(rate))).toBe(minutes);
  });

  it.each([['0.00'], ['-0.20'], ['-100.00']])('buys nothing with a balance of %s', (balance) => {
    expect(remainingMinutes(usd(balance), usd('0.02'))).toBe(0);
  });

  it('buys nothing at a rate of zero rather than endless minutes', () => {
    expect(remainingMinutes(usd('10.00'), usd('0.00'))).toBe(0);
  });
});
