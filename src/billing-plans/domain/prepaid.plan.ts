import type { Money } from '../../shared/domain/money';
import type { PrepaidBalance } from './billing-plan';
import { PerMinutePlan } from './per-minute.plan';

/**
 * Each call costs its started minutes × rate and is drawn from the customer's balance as it is
 * recorded. The invoice subtracts what the balance covered itself (a `prepaid_applied` line): that
 * depends on the calls, not on the plan's settings.
 */
export class PrepaidPlan extends PerMinutePlan {
  static readonly type = 'prepaid';
  readonly type = PrepaidPlan.type;

  override readonly balance: PrepaidBalance = {
    currency: this.currency,
    ratePerMinuteFor: () => this.ratePerMinute,
  };

  constructor(code: string, ratePerMinute: Money) {
    super(code, ratePerMinute);
  }
}
