import { IANAZone } from 'luxon';
import { InvalidTimeZoneError } from './shared.errors';

/**
 * Region names ("Europe/Lisbon", "Etc/GMT+1", "UTC"), never bare offsets: Intl also accepts "+01:00",
 * but a fixed offset is not a place and would silently ignore daylight saving.
 */
export const IANA_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(?:\/[A-Za-z0-9_+-]+)*$/;
export const MAX_TIME_ZONE_LENGTH = 64;

/**
 * Fixes only the letter case ("europe/lisbon" → "Europe/Lisbon"). The engine's own resolution also swaps
 * aliases ("Europe/Kyiv" → "Europe/Kiev", "US/Eastern" → "America/New_York"), which would surprise the
 * customer who chose the name, so an alias is kept as given.
 */
function withCanonicalCase(name: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

// Checking a zone builds an Intl.DateTimeFormat (most of a millisecond); there are a few hundred
// zones, so each name is checked once.
const known = new Map<string, TimeZone>();

/** An IANA time zone, checked against the runtime's time zone database. */
export class TimeZone {
  static readonly UTC = new TimeZone('UTC');

  private constructor(readonly name: string) {
    Object.freeze(this);
  }

  static of(name: string): TimeZone {
    const cached = typeof name === 'string' ? known.get(name) : undefined;
    if (cached) return cached;
    if (
      typeof name !== 'string' ||
      name.length > MAX_TIME_ZONE_LENGTH ||
      !IANA_NAME_PATTERN.test(name) ||
      !IANAZone.isValidZone(name)
    ) {
      throw new InvalidTimeZoneError(name);
    }
    const zone = new TimeZone(withCanonicalCase(name));
    if (known.size < 10_000) known.set(name, zone);
    return zone;
  }

  equals(other: TimeZone): boolean {
    return this.name === other.name;
  }

  toString(): string {
    return this.name;
  }

  toJSON(): string {
    return this.name;
  }
}
