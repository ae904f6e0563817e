import { PLAN_CODE_PATTERN } from '../../../billing-plans';
import { INTERNATIONAL_NUMBER_PATTERN } from '../../../shared/domain/phone-number';
import { IANA_NAME_PATTERN, MAX_TIME_ZONE_LENGTH } from '../../../shared/domain/time-zone';
import { EmailField, ObjectField, TextField, TextListField } from '../../../shared/http/fields';
import { billingAddressSchema } from './billing-address.dto';

export const MAX_PHONE_NUMBERS = 1000;

export class RegisterCustomerDto {
  @TextField({ maxLength: 200, freeText: true, example: 'Ada Lovelace' })
  name!: string;

  @EmailField({ optional: true, nullable: true, example: 'ada@example.com' })
  email?: string | null;

  @TextField({
    optional: true,
    maxLength: MAX_TIME_ZONE_LENGTH,
    domainPattern: IANA_NAME_PATTERN,
    example: 'Europe/Lisbon',
    description: 'IANA time zone; billing periods are calendar months in it. Default BILLING_TIMEZONE.',
  })
  timezone?: string;

  @TextField({
    optional: true,
    maxLength: 64,
    domainPattern: PLAN_CODE_PATTERN,
    example: 'postpaid',
    description: 'A plan code from GET /v1/plans. Default DEFAULT_PLAN.',
  })
  plan?: string;

  @TextListField({
    optional: true,
    maxItems: MAX_PHONE_NUMBERS,
    itemsName: 'phone numbers',
    item: { maxLength: 64, domainPattern: INTERNATIONAL_NUMBER_PATTERN },
    example: ['+351912345678'],
    description: 'Lines of this customer, international numbers; stored in E.164.',
  })
  phoneNumbers?: string[];

  @ObjectField({
    optional: true,
    nullable: true,
    schema: billingAddressSchema('create'),
    description: 'Printed on the invoice PDF under the customer name. Absent or null: none.',
  })
  billingAddress?: Record<string, unknown> | null;
}
