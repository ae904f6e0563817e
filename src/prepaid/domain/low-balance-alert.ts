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

/** One customer's balance across a drawdown, with the alert state and threshold it had before. */
export interface BalanceMove {
  customerId: string;
  before: Money;
  after: Money;
  state: LowBalanceState;
  /** null: the plan sets no threshold, no alerts. */
  threshold: Money | null;
}

/** A crossing that raises an alert: the balance it left, and the threshold it went below. */
export interface LowBalanceCrossing {
  customerId: string;
  balance: Money;
  threshold: Money;
}

/**
 * The alerts a drawdown raises (`afterDrawdown` for each balance it moved). A threshold in another
 * currency than the balance (a plan changed to another currency) raises none: the amounts do not compare.
 */
export function crossingsOf(moves: readonly BalanceMove[]): LowBalanceCrossing[] {
  const crossings: LowBalanceCrossing[] = [];
  for (const { customerId, before, after, state, threshold } of moves) {
    if (threshold === null || threshold.currency !== after.currency) continue;
    if (afterDrawdown(state, before, after, threshold).alert)
      crossings.push({ customerId, balance: after, threshold });
  }
  return crossings;
}

/** Whether a credit leaving the balance at `after` re-arms a disarmed alert (`afterCredit`). */
export function rearmedBy(after: Money, threshold: Money | null): boolean {
  if (threshold === null || threshold.currency !== after.currency) return false;
  return afterCredit({ armed: false }, after, threshold).armed;
}
