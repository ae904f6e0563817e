import type { BillingPlan } from './billing-plan';
import { FlatPlan } from './flat.plan';
import { PlanSettingsReader } from './plan-settings.reader';
import { PostpaidPlan } from './postpaid.plan';
import { PrepaidPlan } from './prepaid.plan';

type PlanFactory = (code: string, settings: PlanSettingsReader) => BillingPlan;

/** Every plan type, by the `type` the configuration names. A new type is one class and one line here. */
export const PLAN_TYPES: Record<string, PlanFactory> = {
  [PostpaidPlan.type]: (code, settings) => {
    settings.onlyFields(['type', 'ratePerMinute', 'currency']);
    return new PostpaidPlan(code, settings.money('ratePerMinute'));
  },
  [PrepaidPlan.type]: (code, settings) => {
    settings.onlyFields(['type', 'ratePerMinute', 'currency']);
    return new PrepaidPlan(code, settings.positiveMoney('ratePerMinute'));
  },
  [FlatPlan.type]: (code, settings) => {
    settings.onlyFields(['type', 'monthlyFee', 'includedMinutes', 'overageRatePerMinute', 'currency']);
    return new FlatPlan(code, {
      monthlyFee: settings.money('monthlyFee'),
      includedMinutes: settings.nullableWholeNumber('includedMinutes'),
      overageRatePerMinute: settings.money('overageRatePerMinute'),
    });
  },
};
