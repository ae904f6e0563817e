import type { Money } from '../../shared/domain/money';
import type { PlanDescription, PrepaidBalance } from './billing-plan';
import { PerMinutePlan } from './per-minute.plan';
import type { RateSchedule } from './rate-schedule';

/**
 * Each call costs what its rate, increment and connect fee make it, and is drawn from the
 * customer's balance as it is recorded. The invoice subtracts what the balance covered itself (a
 * `prepaid_applied` line): that depends on the calls, not on the plan's settings. Every rate of a
 * prepaid plan is above zero (the catalog refuses 0), so a balance always runs out.
 */
export class PrepaidPlan extends PerMinutePlan {
  static readonly type = 'prepaid';
  readonly type = PrepaidPlan.type;

  override readonly balance: PrepaidBalance;

  constructor(
    code: string,
    prices: Money | RateSchedule,
    /** See `PrepaidBalance.lowBalanceThreshold`; in the plan's currency. */
    private readonly lowBalanceThreshold: Money | null = null,
  ) {
    super(code, prices);
    this.balance = {
      currency: this.currency,
      ratePerMinuteFor: (call) => this.rateAt(call).rate.ratePerMinute,
      remainingSeconds: (balance, call) => this.remainingSecondsAt(balance, call),
      lowBalanceThreshold,
    };
  }

  override describe(at?: Date): PlanDescription {
    const description = super.describe(at);
    return this.lowBalanceThreshold === null
      ? description
      : { ...description, lowBalanceThreshold: this.lowBalanceThreshold.toString() };
  }
}
