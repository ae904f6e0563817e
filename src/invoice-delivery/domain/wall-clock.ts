import { DateTime } from 'luxon';

export interface WallClockReading {
  /** "2026-10-05" */
  date: string;
  /** "15:03:00" */
  time: string;
}

/** Offsets change only at whole quarter hours in every zone of the tz database. */
const QUARTER_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Instants as a zone's wall clock shows them, for many instants at once (an invoice's annex): the
 * zone's offset is looked up once per quarter hour (luxon) and the rest is integer arithmetic, so
 * ten thousand calls cost a few hundred offset look-ups instead of ten thousand.
 */
export class WallClock {
  /** Per UTC day: its one offset in ms, or null when the offset changes during it. */
  private readonly days = new Map<number, number | null>();
  private readonly quarters = new Map<number, number>();

  constructor(readonly zone: string) {}

  read(instant: Date): WallClockReading {
    const ms = instant.getTime();
    const local = new Date(ms + this.offsetAt(ms));
    return {
      date: `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
      time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`,
    };
  }

  private offsetAt(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const first = this.lookUp(day * DAY_MS);
      offset = first === this.lookUp((day + 1) * DAY_MS - QUARTER_MS) ? first : null;
      this.days.set(day, offset);
    }
    if (offset !== null) return offset;
    const quarter = Math.floor(ms / QUARTER_MS);
    let exact = this.quarters.get(quarter);
    if (exact === undefined) {
      exact = this.lookUp(quarter * QUARTER_MS);
      this.quarters.set(quarter, exact);
    }
    return exact;
  }

  private lookUp(ms: number): number {
    return DateTime.fromMillis(ms, { zone: this.zone }).offset * 60_000;
  }
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
