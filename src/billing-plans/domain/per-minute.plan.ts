import { Money } from '../../shared/domain/money';
import { BillingPlan, CallRating, InvoiceLineDraft, PlanDescription, UsageGroup } from './billing-plan';
import { usageLines } from './usage-lines';

/** Plans that charge each call minutes × rate and bill the period's usage. */
export abstract class PerMinutePlan extends BillingPlan {
  protected constructor(
    code: string,
    readonly ratePerMinute: Money,
  ) {
    super(code, ratePerMinute.currency);
  }

  rateCall(minutes: number): CallRating {
    return { unitPrice: this.ratePerMinute, charge: this.ratePerMinute.times(minutes) };
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
