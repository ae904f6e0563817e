import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError } from './domain-error';
import { quoted } from './quoted';

export class InvalidPhoneNumberError extends DomainError {
  readonly code = 'invalid_phone_number';
  readonly category = 'validation';
  constructor(raw: unknown, field: string) {
    super(`${quoted(raw)} is not a valid phone number (use E.164, e.g. +351912345678)`, field);
  }
}

/**
 * What a client may send for a line: `+`, the country code and the number, with optional spaces,
 * dots, dashes or parentheses (`+1 (415) 555-0100`). Nothing else: no text around it, no extension,
 * no other digits than ASCII ones, so the number stored is the number written.
 */
export const INTERNATIONAL_NUMBER_PATTERN = /^\+[0-9 ().-]{2,63}$/;
/** How the service writes a line: E.164. */
export const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;

const CACHE_LIMIT = 100_000;
// Parsing with the full metadata costs ~30 µs; a switch sends many calls per line, so the
// outcome of each raw spelling is remembered (null: invalid).
const parsedCache = new Map<string, string | null>();

/** A phone line in E.164, valid by libphonenumber's full metadata. */
export class PhoneNumber {
  private constructor(readonly e164: string) {}

  static parse(raw: unknown, field = 'phoneNumber'): PhoneNumber {
    if (typeof raw !== 'string' || !INTERNATIONAL_NUMBER_PATTERN.test(raw)) {
      throw new InvalidPhoneNumberError(raw, field);
    }
    let e164 = parsedCache.get(raw);
    if (e164 === undefined) {
      const parsed = parsePhoneNumberFromString(raw);
      e164 = parsed?.isValid() ? parsed.number : null;
      if (parsedCache.size >= CACHE_LIMIT) parsedCache.clear();
      parsedCache.set(raw, e164);
    }
    if (e164 === null) throw new InvalidPhoneNumberError(raw, field);
    return new PhoneNumber(e164);
  }

  /** For values read back from storage, already normalised. */
  static fromStored(e164: string): PhoneNumber {
    return new PhoneNumber(e164);
  }

  equals(other: PhoneNumber): boolean {
    return this.e164 === other.e164;
  }

  toString(): string {
    return this.e164;
  }
}
