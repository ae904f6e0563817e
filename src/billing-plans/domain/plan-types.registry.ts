import type { BillingPlan } from './billing-plan';
import { FlatPlan } from './flat.plan';
import { PlanSettingsReader } from './plan-settings.reader';
import { PostpaidPlan } from './postpaid.plan';
import { PrepaidPlan } from './prepaid.plan';

/** Builds a plan of one type from its settings; a setting it does not read is refused afterwards. */
export type PlanFactory = (code: string, settings: PlanSettingsReader) => BillingPlan;
export type PlanTypes = Readonly<Record<string, PlanFactory>>;

/** Every plan type, by the `type` the configuration names. A new type is one class and one line here. */
export const PLAN_TYPES: PlanTypes = {
  [PostpaidPlan.type]: (code, settings) => new PostpaidPlan(code, settings.money('ratePerMinute')),
  [PrepaidPlan.type]: (code, settings) => new PrepaidPlan(code, settings.positiveMoney('ratePerMinute')),
  [FlatPlan.type]: (code, settings) =>
    new FlatPlan(code, {
      monthlyFee: settings.money('monthlyFee'),
      includedMinutes: settings.nullableWholeNumber('includedMinutes'),
      overageRatePerMinute: settings.money('overageRatePerMinute'),
    }),
};
