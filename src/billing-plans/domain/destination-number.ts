import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Digits and the separators people write between them; letters (vanity numbers, names) never match. */
const DIALLABLE = /^\+?[0-9 ()./-]+$/;
const DIGIT = /[0-9]/;
const CACHE_LIMIT = 100_000;

// Parsing with the full metadata costs 4-20 µs; destinations and lines repeat, so the outcome of
// each spelling is remembered (null: no number), and cleared whole when full, as PhoneNumber does.
const normalised = new Map<string, string | null>();
const homeOfLine = new Map<string, { country?: CountryCode; callingCode?: string }>();

/**
 * The dialled number in E.164 (`+447700900123`) when the destination reads as a possible phone
 * number by libphonenumber's full metadata, national and international-prefix forms (`912345678`,
 * `00447700900123`) read in the country of the calling line (`line`, E.164); otherwise null: a
 * name, a vanity number with letters, a short code or a number of impossible length, which no
 * prefix of a destination deck matches. "Possible" (the length fits the country's plan) rather than
 * "valid": a switch connected the call, so a range missing from the metadata is still priced by its
 * country's prefix.
 */
export function normaliseDestination(destination: string | null, line: string): string | null {
  if (destination === null || !DIALLABLE.test(destination) || !DIGIT.test(destination)) return null;
  const international = destination.startsWith('+');
  const home = international ? undefined : lineHome(line);
  const key = international ? destination : `${home?.country ?? home?.callingCode ?? ''}|${destination}`;
  let e164 = normalised.get(key);
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(destination, {
      defaultCountry: home?.country,
      defaultCallingCode: home?.country ? undefined : home?.callingCode,
    });
    e164 = parsed?.isPossible() ? parsed.number : null;
    remember(normalised, key, e164);
  }
  return e164;
}

function lineHome(line: string): { country?: CountryCode; callingCode?: string } {
  let home = homeOfLine.get(line);
  if (home === undefined) {
    const parsed = parsePhoneNumberFromString(line);
    home = { country: parsed?.country, callingCode: parsed?.countryCallingCode };
    remember(homeOfLine, line, home);
  }
  return home;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
