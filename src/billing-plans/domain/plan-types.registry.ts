import type { BillingPlan } from './billing-plan';
import { FlatPlan } from './flat.plan';
import { PlanSettingsReader } from './plan-settings.reader';
import { PostpaidPlan } from './postpaid.plan';
import { PrepaidPlan } from './prepaid.plan';
import { readRateSchedule } from './rate-schedule.reader';
import { ownSettings, readBillingIncrement } from './rating-settings.reader';

/** Builds a plan of one type from its settings; a setting it does not read is refused afterwards. */
export type PlanFactory = (code: string, settings: PlanSettingsReader) => BillingPlan;
export type PlanTypes = Readonly<Record<string, PlanFactory>>;

/** Every plan type, by the `type` the configuration names. A new type is one class and one line here. */
export const PLAN_TYPES: PlanTypes = {
  [PostpaidPlan.type]: (code, settings) =>
    new PostpaidPlan(code, readRateSchedule(settings, { positiveRates: false })),
  [PrepaidPlan.type]: (code, settings) => {
    const schedule = readRateSchedule(settings, { positiveRates: true });
    const threshold =
      settings.value('lowBalanceThreshold') === undefined ? null : settings.money('lowBalanceThreshold');
    return new PrepaidPlan(code, schedule, threshold);
  },
  [FlatPlan.type]: (code, settings) =>
    new FlatPlan(code, {
      monthlyFee: settings.money('monthlyFee'),
      includedMinutes: settings.nullableWholeNumber('includedMinutes'),
      overageRatePerMinute: settings.money('overageRatePerMinute'),
      billingIncrement: readBillingIncrement(ownSettings(settings)),
    }),
};
