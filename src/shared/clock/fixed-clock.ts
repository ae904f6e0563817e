import { Clock } from './clock';

/** A clock that only moves when told to, so tests can close periods without waiting. */
export class FixedClock extends Clock {
  private current: number;

  constructor(initial: Date | string) {
    super();
    this.current = FixedClock.toMillis(initial);
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = FixedClock.toMillis(instant);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`Cannot advance a clock by ${ms} ms`);
    this.current += ms;
  }

  private static toMillis(instant: Date | string): number {
    const millis = new Date(instant).getTime();
    if (Number.isNaN(millis)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
    return millis;
  }
}
