/**
 * Wall-clock arithmetic in an IANA zone, read from the runtime's time zone database through Intl.
 * Instants are epoch milliseconds; a "wall" time is the local date and time written as if it were
 * UTC (so `Date.UTC(2026, 9, 1)` is local midnight on 1 October, whatever the zone).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// An Intl.DateTimeFormat costs most of a millisecond to build: one per zone and purpose.
const wallFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();
const FORMAT_LIMIT = 2_000;

function formatFor(
  cache: Map<string, Intl.DateTimeFormat>,
  zone: string,
  fields: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...fields });
    if (cache.size >= FORMAT_LIMIT) cache.clear();
    cache.set(zone, format);
  }
  return format;
}

/** Date.UTC without its two-digit-year rule (years 0..99 would be read as 1900..1999). */
export function wallTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

const WALL_FIELDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};
const MONTH_FIELDS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric' };
// en-US writes "10/1/2006, 00:30:00" and "10/2006"; format() is about three times cheaper than
// formatToParts(), which stays the fallback should an ICU version ever write them otherwise.
const WALL_TEXT = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;
const MONTH_TEXT = /^(\d+)\/(\d+)$/;
const WALL_PARTS = ['month', 'day', 'year', 'hour', 'minute', 'second'] as const;
const MONTH_PARTS = ['month', 'year'] as const;

/**
 * The zone's offset from UTC at `instant`, in milliseconds (wall = instant + offset). Exact to the
 * second, as the time zone database is: offsets of the past such as Monrovia's -00:44:30 included.
 */
export function utcOffsetAt(zone: string, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const format = formatFor(wallFormats, zone, WALL_FIELDS);
  const [month, day, year, hour, minute, seconds] = numbersOf(format, second, WALL_TEXT, WALL_PARTS);
  return wallTime(year, month, day, hour, minute, seconds) - second;
}

/** The calendar year and month (1-12) on the zone's wall clock at `instant`. */
export function localMonthAt(zone: string, instant: number): { year: number; month: number } {
  const format = formatFor(monthFormats, zone, MONTH_FIELDS);
  const [month, year] = numbersOf(format, instant, MONTH_TEXT, MONTH_PARTS);
  return { year, month };
}

/** The numbers `format` writes for `instant`, in the order of `text`'s groups (and of `parts`). */
function numbersOf(
  format: Intl.DateTimeFormat,
  instant: number,
  text: RegExp,
  parts: readonly Intl.DateTimeFormatPartTypes[],
): number[] {
  const match = text.exec(format.format(instant));
  if (match) return match.slice(1).map(Number);
  const written = format.formatToParts(instant);
  return parts.map((type) => Number(written.find((part) => part.type === type)?.value));
}

const reachesWall = (zone: string, instant: number, wall: number) =>
  instant + utcOffsetAt(zone, instant) >= wall;

/**
 * The first instant whose local date is `year-month-day` (or, if that date never happens in the
 * zone, a later one): local midnight where it exists; the earlier one where midnight happens twice;
 * the instant the clock jumps to where midnight is skipped.
 *
 * Local midnight is `wall - offset` for an offset in force around it: the offsets a day before and
 * a day after are the candidates (as in Temporal's GetPossibleEpochNanoseconds: a zone does not
 * change its offset twice within the two days around a midnight; the tz-database test checks
 * every zone and 1st from 1970 to 2037). A candidate counts only if its offset really is in force
 * at it. With none, midnight falls in a gap: the answer is the transition, found by bisection to
 * the millisecond.
 */
export function startOfLocalDay(zone: string, year: number, month: number, day: number): number {
  const wall = wallTime(year, month, day);
  const offsets = [utcOffsetAt(zone, wall - DAY), utcOffsetAt(zone, wall + DAY)];
  let first = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (candidate + utcOffsetAt(zone, candidate) === wall) first = Math.min(first, candidate);
  }
  if (first !== Number.POSITIVE_INFINITY) return first;

  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  if (reachesWall(zone, before, wall) || !reachesWall(zone, after, wall)) {
    before = wall - 2 * DAY;
    after = wall + 2 * DAY;
  }
  // Invariant: the wall clock is before `wall` at `before` and at or after it at `after`.
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (reachesWall(zone, middle, wall)) after = middle;
    else before = middle;
  }
  return after;
}
