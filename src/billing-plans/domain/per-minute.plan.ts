import type { Money } from '../../shared/domain/money';
import {
  BillingPlan,
  InvoiceLineDraft,
  PlanDescription,
  UsageGroup,
  type DestinationAt,
} from './billing-plan';
import { NoRateForDestinationError } from './billing-plan.errors';
import type { CallRate, CallRating, CallToRate } from './call-rating';
import { RateSchedule } from './rate-schedule';
import { usageLinesByRate, type RatedUsage } from './rated-usage';
import { remainingSeconds } from './remaining-seconds';
import type { Tariff } from './tariff';
import { describeSchedule } from './tariff-description';
import { usageLines } from './usage-lines';

/**
 * Plans that charge each call by its rate, billed seconds and connect fee, and bill the period's
 * usage. Prices come from a rate schedule (destination decks, increments, dated versions); a plain
 * rate is a schedule of one version at that rate, in whole started minutes.
 */
export abstract class PerMinutePlan extends BillingPlan {
  protected readonly schedule: RateSchedule;

  protected constructor(code: string, prices: Money | RateSchedule) {
    const schedule = prices instanceof RateSchedule ? prices : RateSchedule.perStartedMinute(prices);
    super(code, schedule.currency);
    this.schedule = schedule;
  }

  /** The default rate of the plan's first version (null: a deck without one). Calls read `rateCall`. */
  get ratePerMinute(): Money | null {
    return this.schedule.versions[0].tariff.ratePerMinute;
  }

  /**
   * By the version in force when the call started: the longest deck prefix of its destination (or
   * the default rate, group `default`), its billing increment and its connect fee.
   * @throws NoRateForDestinationError when the deck has no default rate and no prefix matches.
   */
  rateCall(call: CallToRate): CallRating {
    const tariff = this.schedule.at(call.startedAt);
    return tariff.rate(call.durationSeconds, this.rateFor(tariff, call));
  }

  periodLines(period: string, usage: UsageGroup[]): InvoiceLineDraft[] {
    return usageLines(period, usage);
  }

  billPeriod(period: string, usage: readonly RatedUsage[]): InvoiceLineDraft[] {
    return usageLinesByRate(period, usage);
  }

  describe(at?: Date): PlanDescription {
    const { versions, ...current } = describeSchedule(this.schedule, at);
    return {
      code: this.code,
      type: this.type,
      ...current,
      currency: this.currency,
      ...(versions === undefined ? {} : { versions }),
    };
  }

  /** The rate of a call to `call.destination` at `call.startedAt` (the prepaid capability asks it too). */
  protected rateAt(call: DestinationAt): { tariff: Tariff; rate: CallRate } {
    const tariff = this.schedule.at(call.startedAt);
    return { tariff, rate: this.rateFor(tariff, call) };
  }

  protected remainingSecondsAt(balance: Money, call: DestinationAt): number {
    const { tariff, rate } = this.rateAt(call);
    const { increment, connectFee } = tariff;
    return remainingSeconds(balance, { ratePerMinute: rate.ratePerMinute, increment, connectFee });
  }

  private rateFor(tariff: Tariff, call: DestinationAt | CallToRate): CallRate {
    const rate = tariff.rateFor(call);
    if (rate === null) throw new NoRateForDestinationError(this.code, call.destination);
    return rate;
  }
}
