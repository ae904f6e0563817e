import type { Money } from '../../shared/domain/money';
import { PerMinutePlan } from './per-minute.plan';

/** Each call costs minutes × rate; the invoice bills the period's usage. The default plan. */
export class PostpaidPlan extends PerMinutePlan {
  static readonly type = 'postpaid';
  readonly type = PostpaidPlan.type;

  constructor(code: string, ratePerMinute: Money) {
    super(code, ratePerMinute);
  }
}
