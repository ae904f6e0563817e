import { BILLING_ADDRESS_LIMITS as MAX, COUNTRY_CODE_PATTERN } from '../../domain/billing-address';
import type { StoredBillingAddress } from '../../domain/billing-address';
import { FREE_TEXT, type SchemaObject } from '../../../shared/http/fields';

/** How the address reads in a request or a response. */
type AddressSchemaUse = 'create' | 'patch' | 'response';

const EXAMPLE: StoredBillingAddress = {
  line1: 'Rua Augusta 100',
  line2: '3.º esquerdo',
  city: 'Lisboa',
  postalCode: '1100-053',
  region: null,
  country: 'PT',
};

function text(maxLength: number, nullable: boolean, description?: string): SchemaObject {
  return {
    type: 'string',
    minLength: 1,
    maxLength,
    [FREE_TEXT]: true,
    ...(nullable ? { nullable } : {}),
    ...(description ? { description } : {}),
  };
}

/**
 * The billing address's schema, inline where it is used (OpenAPI 3.0 has no nullable reference):
 * `BillingAddress.parse` judges what a client sends (problem `invalid-billing-address`), so these
 * schemas and the domain's limits are one set of numbers.
 */
export function billingAddressSchema(use: AddressSchemaUse): SchemaObject {
  const line =
    'One printed line: no line breaks or other control characters; spaces at either end are trimmed.';
  return {
    type: 'object',
    properties: {
      line1: text(MAX.line1, false, line),
      line2: text(MAX.line2, true),
      city: text(MAX.city, false),
      postalCode: text(MAX.postalCode, true),
      region: text(MAX.region, true),
      country: {
        type: 'string',
        minLength: 2,
        maxLength: 2,
        pattern: COUNTRY_CODE_PATTERN.source,
        description: 'ISO 3166-1 alpha-2 country code, upper case',
      },
    },
    // A patch requires nothing (the merged address must be whole, which the domain checks).
    ...(use === 'patch'
      ? {}
      : {
          required:
            use === 'response'
              ? ['line1', 'line2', 'city', 'postalCode', 'region', 'country']
              : ['line1', 'city', 'country'],
        }),
    example: use === 'patch' ? { line2: null, postalCode: '1100-048' } : EXAMPLE,
  };
}
