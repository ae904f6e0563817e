import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError } from './domain-error';

export class InvalidPhoneNumberError extends DomainError {
  readonly code = 'invalid_phone_number';
  readonly category = 'validation';
  constructor(raw: string, field: string) {
    super(`${JSON.stringify(raw)} is not a valid phone number (use E.164, e.g. +351912345678)`, field);
  }
}

/** A phone line in E.164, valid by libphonenumber's full metadata. */
export class PhoneNumber {
  private constructor(readonly e164: string) {}

  static parse(raw: unknown, field = 'phoneNumber'): PhoneNumber {
    if (typeof raw !== 'string' || raw.length === 0 || raw.length > 64) {
      throw new InvalidPhoneNumberError(String(raw), field);
    }
    const parsed = parsePhoneNumberFromString(raw);
    if (!parsed || !parsed.isValid()) throw new InvalidPhoneNumberError(raw, field);
    return new PhoneNumber(parsed.number);
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
