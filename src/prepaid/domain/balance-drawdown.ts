import { Money } from '../../shared/domain/money';

/**
 * A prepaid call is paid from the balance as far as the balance is positive; the balance may go
 * negative (the call happened), so the rest is owed and invoiced.
 */
export function coveredByBalance(balanceBefore: Money, charge: Money): Money {
  if (!balanceBefore.isPositive()) return Money.zero(charge.currency);
  return balanceBefore.min(charge);
}

/** A call's charge, drawn from its customer's balance. `callId` is the stored call's id. */
export interface CallDebit {
  callId: string;
  customerId: string;
  charge: Money;
}

export interface Drawdown {
  /** What each call's balance covered, by call id. */
  covered: Map<string, Money>;
  /** Each customer's balance after its calls. */
  balances: Map<string, Money>;
}

/** Each call takes what it can from its customer's balance, one after the other, in the order given. */
export function drawDown(balances: ReadonlyMap<string, Money>, debits: readonly CallDebit[]): Drawdown {
  const after = new Map(balances);
  const covered = new Map<string, Money>();
  for (const debit of debits) {
    const before = after.get(debit.customerId) ?? Money.zero(debit.charge.currency);
    covered.set(debit.callId, coveredByBalance(before, debit.charge));
    after.set(debit.customerId, before.minus(debit.charge));
  }
  return { covered, balances: after };
}
