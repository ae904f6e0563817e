import type { LowBalanceAlert } from '../../prepaid';

/** The `balance.low` webhook body (API.md, "Operations"), in this key order. */
export function balanceLowEvent(alert: LowBalanceAlert): Record<string, unknown> {
  return {
    type: 'balance.low',
    customerId: alert.customerId,
    balance: alert.balance.toJSON(),
    threshold: alert.threshold.toJSON(),
    at: alert.at.toISOString(),
  };
}
