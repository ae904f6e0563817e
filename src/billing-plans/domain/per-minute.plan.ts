import type { Money } from '../../shared/domain/money';
import { BillingPlan, InvoiceLineDraft, PlanDescription, UsageGroup } from './billing-plan';
import { CallRate, CallRating, CallToRate, DEFAULT_RATE_GROUP, ratePerStartedMinute } from './call-rating';
import { usageLines } from './usage-lines';

/** Plans that charge each call its started minutes × rate and bill the period's usage. */
export abstract class PerMinutePlan extends BillingPlan {
  /** The plan's own rate, group `default`: one object shared by every call it rates. */
  protected readonly defaultRate: CallRate;

  protected constructor(
    code: string,
    readonly ratePerMinute: Money,
  ) {
    super(code, ratePerMinute.currency);
    this.defaultRate = Object.freeze({ group: DEFAULT_RATE_GROUP, ratePerMinute });
  }

  rateCall(call: CallToRate): CallRating {
    return ratePerStartedMinute(call, this.defaultRate);
  }

  periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[] {
    return usageLines(period, usage);
  }

  describe(): PlanDescription {
    return {
      code: this.code,
      type: this.type,
      ratePerMinute: this.ratePerMinute.toString(),
      currency: this.currency,
    };
  }
}
