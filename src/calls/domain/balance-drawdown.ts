import { Money } from '../../shared/domain/money';

/**
 * A prepaid call is paid from the balance as far as the balance is positive; the balance may go
 * negative (the call happened), so the rest is owed and invoiced.
 */
export function coveredByBalance(balanceBefore: Money, charge: Money): Money {
  if (!balanceBefore.isPositive()) return Money.zero(charge.currency);
  return balanceBefore.min(charge);
}
