import { isSupportedCountry } from 'libphonenumber-js/max';
import { DomainError } from '../../shared/domain/domain-error';
import { fieldPath } from '../../shared/domain/field-path';

/** The address fields as stored and as the API writes them; absent optional fields are null. */
export interface StoredBillingAddress {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case: "PT". */
  country: string;
}

export const BILLING_ADDRESS_LIMITS = {
  line1: 200,
  line2: 200,
  city: 100,
  postalCode: 20,
  region: 100,
} as const;

const REQUIRED = ['line1', 'city', 'country'] as const;
const OPTIONAL = ['line2', 'postalCode', 'region'] as const;
const FIELDS = new Set<string>([...REQUIRED, ...OPTIONAL]);
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
/** Line breaks, tabs and other control characters: an address line is one printed line. */
const CONTROL_CHARACTER = /\p{Cc}/u;

export class InvalidBillingAddressError extends DomainError {
  readonly code = 'invalid_billing_address';
  readonly category = 'validation';
  constructor(field: string, message: string) {
    super(`${field} ${message}`, field);
  }
}

/**
 * A customer's postal address for invoices, shaped like Stripe's (`line1`, `line2`, `city`,
 * `postalCode`, `region`, `country`). Each line is one printed line: trimmed, not blank, without
 * control characters; `country` is an ISO 3166-1 alpha-2 code of a country libphonenumber knows.
 */
export class BillingAddress {
  private constructor(readonly fields: StoredBillingAddress) {}

  /** `raw`: the object a client sent (lengths and types already checked by the HTTP layer, again here). */
  static parse(raw: unknown, field = 'billingAddress'): BillingAddress {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new InvalidBillingAddressError(field, 'must be an object');
    const input = raw as Record<string, unknown>;
    const unknown = Object.keys(input).find((key) => !FIELDS.has(key));
    if (unknown !== undefined)
      throw new InvalidBillingAddressError(fieldPath(field, unknown), 'is not a known field');
    const text = (key: keyof typeof BILLING_ADDRESS_LIMITS | 'country', required: boolean): string | null => {
      const value = input[key];
      const path = fieldPath(field, key);
      if (value === undefined || value === null) {
        if (required) throw new InvalidBillingAddressError(path, 'is required');
        return null;
      }
      if (typeof value !== 'string') throw new InvalidBillingAddressError(path, 'must be a string');
      const trimmed = value.trim();
      if (trimmed.length === 0)
        throw new InvalidBillingAddressError(path, 'must not be blank (spaces at either end do not count)');
      if (CONTROL_CHARACTER.test(trimmed))
        throw new InvalidBillingAddressError(path, 'must be one line, without control characters');
      const max = key === 'country' ? 2 : BILLING_ADDRESS_LIMITS[key];
      if (trimmed.length > max)
        throw new InvalidBillingAddressError(path, `must be at most ${max} characters long`);
      return trimmed;
    };
    const line1 = text('line1', true)!;
    const line2 = text('line2', false);
    const city = text('city', true)!;
    const postalCode = text('postalCode', false);
    const region = text('region', false);
    const country = text('country', true)!;
    if (!COUNTRY_CODE_PATTERN.test(country) || !isSupportedCountry(country)) {
      throw new InvalidBillingAddressError(
        fieldPath(field, 'country'),
        'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. PT',
      );
    }
    return new BillingAddress({ line1, line2, city, postalCode, region, country });
  }

  static fromStored(stored: StoredBillingAddress): BillingAddress {
    return new BillingAddress(stored);
  }

  /**
   * RFC 7396 (JSON merge patch) applied to this address (or to none): a field set to null is
   * removed, a field given replaces it, the others stay. The result must be a whole address again.
   */
  static merged(current: BillingAddress | null, patch: unknown, field = 'billingAddress'): BillingAddress {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      throw new InvalidBillingAddressError(field, 'must be an object or null');
    const merged: Record<string, unknown> = { ...(current?.fields ?? {}) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    for (const key of Object.keys(merged)) if (merged[key] === null) delete merged[key];
    return BillingAddress.parse(merged, field);
  }
}
