import type { Money } from '../../shared/domain/money';
import { Tariff } from './tariff';

/** One dated version of a plan's prices; the first has no start (it was always in force). */
export interface RateVersion {
  effectiveFrom: Date | null;
  tariff: Tariff;
}

/**
 * A per-minute plan's prices over time: a call is rated by the version in force when it started
 * (`startedAt >= effectiveFrom`), so a late call keeps its old price (API.md, "Rating": "Versions").
 */
export class RateSchedule {
  readonly currency: string;

  /** `versions`: the first without `effectiveFrom`, the others strictly increasing (the reader checks). */
  constructor(readonly versions: readonly RateVersion[]) {
    if (versions.length === 0 || versions[0].effectiveFrom !== null)
      throw new RangeError('a rate schedule starts with a version that was always in force');
    for (let index = 1; index < versions.length; index++) {
      const previous = versions[index - 1].effectiveFrom?.getTime() ?? -Infinity;
      const from = versions[index].effectiveFrom?.getTime();
      if (from === undefined || !(from > previous))
        throw new RangeError('rate versions must start at strictly increasing instants');
    }
    this.currency = versions[0].tariff.connectFee.currency;
    Object.freeze(this);
  }

  /** One version, at one rate, in whole started minutes: what every plan was before #16. */
  static perStartedMinute(ratePerMinute: Money): RateSchedule {
    return new RateSchedule([{ effectiveFrom: null, tariff: Tariff.perStartedMinute(ratePerMinute) }]);
  }

  /** The prices in force at `instant`. */
  at(instant: Date): Tariff {
    return this.versionAt(instant).tariff;
  }

  versionAt(instant: Date): RateVersion {
    const time = instant.getTime();
    for (let index = this.versions.length - 1; index > 0; index--) {
      if (time >= this.versions[index].effectiveFrom!.getTime()) return this.versions[index];
    }
    return this.versions[0];
  }

  /** The version in force at `instant` and every later one. */
  fromVersionAt(instant: Date): readonly RateVersion[] {
    return this.versions.slice(this.versions.indexOf(this.versionAt(instant)));
  }

  /** A plan configured without any of the #16 settings: one version, per started minute. */
  get isPerStartedMinute(): boolean {
    return this.versions.length === 1 && this.versions[0].tariff.isPerStartedMinute;
  }
}
