import type { Money } from '../../shared/domain/money';

/**
 * Low-balance alerts (API.md, "Operations"): when a call takes a prepaid balance from at or above
 * the plan's `lowBalanceThreshold` to below it, one `balance.low` alert, once per crossing; a top-up
 * that takes the balance back to at or above the threshold re-arms it. `armed` is the state kept
 * with the balance: true until an alert fires, true again once a credit reaches the threshold.
 */
export interface LowBalanceState {
  armed: boolean;
}

/** After a call's drawdown from `before` to `after`: whether it raises the alert, and the new state. */
export function afterDrawdown(
  state: LowBalanceState,
  before: Money,
  after: Money,
  threshold: Money,
): { alert: boolean; state: LowBalanceState } {
  const crossed = before.compareTo(threshold) >= 0 && after.compareTo(threshold) < 0;
  if (state.armed && crossed) return { alert: true, state: { armed: false } };
  return { alert: false, state };
}

/** After a top-up (or any credit) leaves the balance at `after`: re-armed once it reaches the threshold. */
export function afterCredit(state: LowBalanceState, after: Money, threshold: Money): LowBalanceState {
  return after.compareTo(threshold) >= 0 ? { armed: true } : state;
}
