import { Money } from '../../shared/domain/money';
import { InvalidTopUpAmountError, InvalidTopUpReferenceError } from './prepaid.errors';

export const TOP_UP_AMOUNT_PATTERN = /^\d{1,5}(\.\d{1,2})?$/;
export const MAX_TOP_UP_REFERENCE_LENGTH = 128;
const MAX_TOP_UP = Money.of('10000.00', 'USD');

export interface TopUp {
  amount: Money;
  reference: string;
}

/** A top-up is a positive amount with at most 2 decimals, up to 10000.00, under a unique reference. */
export function parseTopUp(amount: unknown, reference: unknown, currency: string): TopUp {
  if (typeof amount !== 'string' || !TOP_UP_AMOUNT_PATTERN.test(amount)) throw new InvalidTopUpAmountError();
  const money = Money.of(amount, currency);
  if (!money.isPositive() || money.amount.greaterThan(MAX_TOP_UP.amount)) throw new InvalidTopUpAmountError();
  if (
    typeof reference !== 'string' ||
    reference.length < 1 ||
    reference.length > MAX_TOP_UP_REFERENCE_LENGTH
  ) {
    throw new InvalidTopUpReferenceError();
  }
  return { amount: money, reference };
}

/** The whole minutes a balance still buys at a rate: 0 once it is zero or negative. */
export function remainingMinutes(balance: Money, ratePerMinute: Money): number {
  if (!balance.isPositive() || !ratePerMinute.isPositive()) return 0;
  return balance.amount.dividedToIntegerBy(ratePerMinute.amount).toNumber();
}
