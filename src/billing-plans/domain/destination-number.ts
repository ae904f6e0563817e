import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Already E.164: `+` and 7 to 15 digits (no country code starts with 0; no international number is
 * shorter than 7 digits, so a `+` before a short code is not taken as one).
 */
const E164 = /^\+[1-9]\d{6,14}$/;
/** Digits and the separators people write between them; letters (vanity numbers, names) never match. */
const DIALLABLE = /^\+?[0-9 ()./-]+$/;
const DIGIT = /[0-9]/;
const CACHE_LIMIT = 100_000;

// Parsing with the full metadata costs 4-20 µs; destinations and lines repeat, so the outcome of
// each spelling is remembered (null: no number), and cleared whole when full, as PhoneNumber does.
const normalised = new Map<string, string | null>();
const homeOfLine = new Map<string, { country?: CountryCode; callingCode?: string }>();

/**
 * The dialled number in E.164 (`+447700900123`), or null: a name, a vanity number with letters, a
 * short code or a number of impossible length, which no prefix of a destination deck matches.
 *
 * A destination already in E.164 is used as the switch wrote it: it is the normal form, and
 * parsing it again would cost 5-20 µs for every new number on the ingestion hot path. Any other
 * spelling (`912345678`, `00447700900123`, `+1 (415) 555-0100`) is read by libphonenumber with its
 * full metadata, national and international-prefix forms in the country of the calling line
 * (`line`, E.164), and used when the number is *possible* (its length fits the country's plan)
 * rather than *valid*: a switch connected the call, so a range missing from the metadata is still
 * priced by its country's prefix.
 */
export function normaliseDestination(destination: string | null, line: string): string | null {
  if (destination === null) return null;
  if (E164.test(destination)) return destination;
  if (!DIALLABLE.test(destination) || !DIGIT.test(destination)) return null;
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
