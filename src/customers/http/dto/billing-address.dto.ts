import { ApiProperty } from '@nestjs/swagger';
import { BILLING_ADDRESS_LIMITS as MAX, COUNTRY_CODE_PATTERN } from '../../domain/billing-address';
import type { StoredBillingAddress } from '../../domain/billing-address';
import { TextField } from '../../../shared/http/fields';
import { freeText } from '../../../shared/http/schema-fragments';

const COUNTRY = {
  minLength: 2,
  maxLength: 2,
  domainPattern: COUNTRY_CODE_PATTERN,
  example: 'PT',
  description: 'ISO 3166-1 alpha-2 country code, upper case',
};
const LINE =
  'One printed line: no line breaks or other control characters; spaces at either end are trimmed.';

/** A billing address as a client sends it; `BillingAddress.parse` judges it (problem `invalid-billing-address`). */
export class BillingAddressDto {
  @TextField({ maxLength: MAX.line1, freeText: true, example: 'Rua Augusta 100', description: LINE })
  line1!: string;
  @TextField({
    optional: true,
    nullable: true,
    maxLength: MAX.line2,
    freeText: true,
    example: '3.º esquerdo',
  })
  line2?: string | null;
  @TextField({ maxLength: MAX.city, freeText: true, example: 'Lisboa' })
  city!: string;
  @TextField({
    optional: true,
    nullable: true,
    maxLength: MAX.postalCode,
    freeText: true,
    example: '1100-053',
  })
  postalCode?: string | null;
  @TextField({ optional: true, nullable: true, maxLength: MAX.region, freeText: true, example: 'Lisboa' })
  region?: string | null;
  @TextField(COUNTRY)
  country!: string;
}

/** A JSON merge patch of the address: fields given replace, fields set to null are removed. */
export class BillingAddressPatchDto {
  @TextField({ optional: true, maxLength: MAX.line1, freeText: true, example: 'Rua Augusta 102' })
  line1?: string;
  @TextField({ optional: true, nullable: true, maxLength: MAX.line2, freeText: true, example: null })
  line2?: string | null;
  @TextField({ optional: true, maxLength: MAX.city, freeText: true, example: 'Lisboa' })
  city?: string;
  @TextField({
    optional: true,
    nullable: true,
    maxLength: MAX.postalCode,
    freeText: true,
    example: '1100-048',
  })
  postalCode?: string | null;
  @TextField({ optional: true, nullable: true, maxLength: MAX.region, freeText: true })
  region?: string | null;
  @TextField({ ...COUNTRY, optional: true })
  country?: string;
}

export class BillingAddressResponse {
  @ApiProperty({ ...freeText(MAX.line1), example: 'Rua Augusta 100' })
  line1!: string;
  @ApiProperty({ ...freeText(MAX.line2), nullable: true, example: null })
  line2!: string | null;
  @ApiProperty({ ...freeText(MAX.city), example: 'Lisboa' })
  city!: string;
  @ApiProperty({ ...freeText(MAX.postalCode), nullable: true, example: '1100-053' })
  postalCode!: string | null;
  @ApiProperty({ ...freeText(MAX.region), nullable: true, example: null })
  region!: string | null;
  @ApiProperty({ type: String, pattern: COUNTRY_CODE_PATTERN.source, maxLength: 2, example: 'PT' })
  country!: string;

  static of(address: StoredBillingAddress): BillingAddressResponse {
    return { ...address };
  }
}
