/**
 * How a switch's seconds become billed seconds, as operators quote tariffs: `60/60` (whole
 * minutes, rounded up), `60/1` (a first minute, then per second), `30/6`, `1/1` (per second).
 * Source: API.md, "Rating: destinations, billing increments and rate versions".
 */
export class BillingIncrement {
  /** The default: every started minute is billed whole. */
  static readonly PER_STARTED_MINUTE = new BillingIncrement(60, 60);

  /** Both in whole seconds, at least 1 (checked by the catalog reader, which names the plan). */
  constructor(
    readonly firstSeconds: number,
    readonly nextSeconds: number,
  ) {
    if (!isPositiveWhole(firstSeconds) || !isPositiveWhole(nextSeconds)) {
      throw new RangeError(
        `a billing increment is two whole seconds >= 1, not ${firstSeconds}/${nextSeconds}`,
      );
    }
    Object.freeze(this);
  }

  /**
   * `firstSeconds` when `durationSeconds <= firstSeconds`, else
   * `firstSeconds + ceil((durationSeconds - firstSeconds) / nextSeconds) × nextSeconds`.
   * Integer arithmetic only; `durationSeconds` is a whole number of seconds, at least 1.
   */
  billedSeconds(durationSeconds: number): number {
    if (durationSeconds <= this.firstSeconds) return this.firstSeconds;
    const beyondFirst = durationSeconds - this.firstSeconds;
    const partial = beyondFirst % this.nextSeconds;
    return durationSeconds + (partial === 0 ? 0 : this.nextSeconds - partial);
  }

  /** Every bill is a whole number of minutes: a charge is then exact without any rounding. */
  get billsWholeMinutes(): boolean {
    return this.firstSeconds % 60 === 0 && this.nextSeconds % 60 === 0;
  }

  equals(other: BillingIncrement): boolean {
    return this.firstSeconds === other.firstSeconds && this.nextSeconds === other.nextSeconds;
  }

  toJSON(): { firstSeconds: number; nextSeconds: number } {
    return { firstSeconds: this.firstSeconds, nextSeconds: this.nextSeconds };
  }
}

function isPositiveWhole(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}
