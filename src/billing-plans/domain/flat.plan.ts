import { Money } from '../../shared/domain/money';
import { BillingPlan, InvoiceLineDraft, PlanDescription, UsageGroup } from './billing-plan';
import { BillingIncrement } from './billing-increment';
import { callCharge } from './call-charge';
import { CallRate, CallRating, CallToRate, DEFAULT_RATE_GROUP } from './call-rating';
import { billedMinutes, minutesText, totalBilledSeconds, type RatedUsage } from './rated-usage';
import { totalMinutes } from './usage-lines';

export interface FlatSettings {
  monthlyFee: Money;
  /** null: unlimited minutes, never any overage. */
  includedMinutes: number | null;
  overageRatePerMinute: Money;
  /** How each call's seconds count towards the included minutes; default 60/60. */
  billingIncrement?: BillingIncrement;
}

/** A fixed fee per period; calls cost 0.00 each, and billed time beyond the included minutes is overage. */
export class FlatPlan extends BillingPlan {
  static readonly type = 'flat';
  readonly type = FlatPlan.type;
  private readonly free: CallRate;
  private readonly increment: BillingIncrement;

  constructor(
    code: string,
    private readonly settings: FlatSettings,
  ) {
    super(code, settings.monthlyFee.currency);
    this.free = Object.freeze({ group: DEFAULT_RATE_GROUP, ratePerMinute: Money.zero(this.currency) });
    this.increment = settings.billingIncrement ?? BillingIncrement.PER_STARTED_MINUTE;
  }

  /** Billed seconds (by the plan's increment) count towards the included minutes; the call is free. */
  rateCall(call: CallToRate): CallRating {
    return {
      rate: this.free,
      billedSeconds: this.increment.billedSeconds(call.durationSeconds),
      charge: this.free.ratePerMinute,
    };
  }

  periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[] {
    const { includedMinutes, overageRatePerMinute } = this.settings;
    const overageMinutes = includedMinutes === null ? 0 : Math.max(0, totalMinutes(usage) - includedMinutes);
    if (overageMinutes === 0) return [this.feeLine(period)];
    return [
      this.feeLine(period),
      {
        kind: 'overage',
        description: this.overageDescription(overageMinutes),
        period,
        quantity: overageMinutes,
        unitPrice: overageRatePerMinute,
        amount: overageRatePerMinute.times(overageMinutes),
      },
    ];
  }

  /**
   * The monthly fee, and the billed seconds beyond the included minutes at the overage rate, charged
   * as one call of that many billed seconds would be (6 decimals; exact for whole minutes).
   */
  billPeriod(period: string, usage: readonly RatedUsage[]): InvoiceLineDraft[] {
    const { includedMinutes, overageRatePerMinute } = this.settings;
    const overageSeconds =
      includedMinutes === null ? 0 : Math.max(0, totalBilledSeconds(usage) - includedMinutes * 60);
    if (overageSeconds === 0) return [this.feeLine(period)];
    const minutes = billedMinutes(overageSeconds);
    return [
      this.feeLine(period),
      {
        kind: 'overage',
        description: this.overageDescription(minutes),
        period,
        billedSeconds: overageSeconds,
        quantity: minutes,
        unitPrice: overageRatePerMinute,
        amount: callCharge(overageSeconds, overageRatePerMinute, Money.zero(this.currency)),
      },
    ];
  }

  describe(): PlanDescription {
    return {
      code: this.code,
      type: this.type,
      monthlyFee: this.settings.monthlyFee.toString(),
      includedMinutes: this.settings.includedMinutes,
      overageRatePerMinute: this.settings.overageRatePerMinute.toString(),
      ...(this.increment.equals(BillingIncrement.PER_STARTED_MINUTE)
        ? {}
        : { billingIncrement: this.increment.toJSON() }),
      currency: this.currency,
    };
  }

  private feeLine(period: string): InvoiceLineDraft {
    const { monthlyFee } = this.settings;
    return {
      kind: 'fixed_fee',
      description: `Monthly fee, plan ${this.code}`,
      period,
      quantity: 1,
      unitPrice: monthlyFee,
      amount: monthlyFee,
    };
  }

  private overageDescription(minutes: number): string {
    const { includedMinutes, overageRatePerMinute } = this.settings;
    return `${minutesText(minutes)} beyond the ${includedMinutes} included, at ${overageRatePerMinute.toString()} ${this.currency}`;
  }
}
