import { counted } from '../../shared/domain/counted';
import { Money } from '../../shared/domain/money';
import { BillingPlan, InvoiceLineDraft, PlanDescription, UsageGroup } from './billing-plan';
import { CallRate, CallRating, CallToRate, DEFAULT_RATE_GROUP, ratePerStartedMinute } from './call-rating';
import { totalMinutes } from './usage-lines';

export interface FlatSettings {
  monthlyFee: Money;
  /** null: unlimited minutes, never any overage. */
  includedMinutes: number | null;
  overageRatePerMinute: Money;
}

/** A fixed fee per period; calls cost 0.00 each, and minutes beyond the included ones are overage. */
export class FlatPlan extends BillingPlan {
  static readonly type = 'flat';
  readonly type = FlatPlan.type;
  private readonly free: CallRate;

  constructor(
    code: string,
    private readonly settings: FlatSettings,
  ) {
    super(code, settings.monthlyFee.currency);
    this.free = Object.freeze({ group: DEFAULT_RATE_GROUP, ratePerMinute: Money.zero(this.currency) });
  }

  /** Billed minutes count towards the included ones; the overage is priced with the period. */
  rateCall(call: CallToRate): CallRating {
    return ratePerStartedMinute(call, this.free);
  }

  periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[] {
    const { monthlyFee, includedMinutes, overageRatePerMinute } = this.settings;
    const lines: InvoiceLineDraft[] = [
      {
        kind: 'fixed_fee',
        description: `Monthly fee, plan ${this.code}`,
        period,
        quantity: 1,
        unitPrice: monthlyFee,
        amount: monthlyFee,
      },
    ];
    const overageMinutes = includedMinutes === null ? 0 : Math.max(0, totalMinutes(usage) - includedMinutes);
    if (overageMinutes > 0) {
      lines.push({
        kind: 'overage',
        description: `${counted(overageMinutes, 'minute')} beyond the ${includedMinutes} included, at ${overageRatePerMinute.toString()} ${this.currency}`,
        period,
        quantity: overageMinutes,
        unitPrice: overageRatePerMinute,
        amount: overageRatePerMinute.times(overageMinutes),
      });
    }
    return lines;
  }

  describe(): PlanDescription {
    return {
      code: this.code,
      type: this.type,
      monthlyFee: this.settings.monthlyFee.toString(),
      includedMinutes: this.settings.includedMinutes,
      overageRatePerMinute: this.settings.overageRatePerMinute.toString(),
      currency: this.currency,
    };
  }
}
