/**
 * An ISO 8601 instant with an explicit offset, as clients send them: a local time without one would
 * be ambiguous. Seconds and fractions are optional; the offset is `Z` or ±hh:mm (or ±hhmm).
 */
/** `2026-10-05T14:03:00.123456789+14:00`, the longest form the pattern takes. */
export const MAX_INSTANT_LENGTH = 35;
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The instant a client wrote, or null when it is not one (a wrong shape, 31 April, before 1970). */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()) || instant.getTime() < 0 || !isCalendarDate(value)) return null;
  return instant;
}

/** JavaScript's Date would roll "31 April" over into 1 May, another billing period: refuse it. */
function isCalendarDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}
