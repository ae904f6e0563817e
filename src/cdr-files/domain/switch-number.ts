import { type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';

const COUNTRIES = new Set<string>(getCountries());
const CACHE_LIMIT = 100_000;
// Full-metadata parsing costs tens of microseconds; a switch writes the same lines over and over.
const cache = new Map<string, string | null>();

/** An ISO 3166 alpha-2 code libphonenumber has a numbering plan for (`PT`, `US`). */
export function isKnownCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

/**
 * A number as a switch writes it, in E.164 when it is a valid number: `+351912345678` as it is,
 * `912345678` or `00351912345678` in `country`'s national or dialling format. Null when it is not
 * a valid number (or is national and no country is known).
 */
export function switchNumber(raw: string, country: string | null): string | null {
  const text = raw.trim();
  if (!/^\+?[0-9 ().-]{2,40}$/.test(text)) return null;
  if (!text.startsWith('+') && country === null) return null;
  const key = `${country ?? ''} ${text}`;
  let e164 = cache.get(key);
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(text, (country ?? undefined) as CountryCode | undefined);
    e164 = parsed?.isValid() ? parsed.number : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, e164);
  }
  return e164;
}

/**
 * A dialled number as the call record carries it: a national one (no `+`) in E.164 when it is a
 * valid number of `country`; anything else as the switch wrote it (an international number is
 * normalised by the rating, an extension or a service code stays as it is).
 */
export function destinationOf(dialled: string, country: string | null): string {
  if (dialled.startsWith('+')) return dialled;
  return switchNumber(dialled, country) ?? dialled;
}
