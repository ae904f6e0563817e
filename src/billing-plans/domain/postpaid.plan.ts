import type { Money } from '../../shared/domain/money';
import { PerMinutePlan } from './per-minute.plan';
import type { RateSchedule } from './rate-schedule';

/** Each call costs what its rate, increment and connect fee make it; the invoice bills the period's usage. The default plan. */
export class PostpaidPlan extends PerMinutePlan {
  static readonly type = 'postpaid';
  readonly type = PostpaidPlan.type;

  constructor(code: string, prices: Money | RateSchedule) {
    super(code, prices);
  }
}
