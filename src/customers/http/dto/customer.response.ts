import { ApiProperty } from '@nestjs/swagger';
import { CUSTOMER_API_KEY } from '../../../auth';
import { PLAN_CODE_PATTERN } from '../../../billing-plans';
import { IANA_NAME_PATTERN, MAX_TIME_ZONE_LENGTH } from '../../../shared/domain/time-zone';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import { E164_PATTERN } from '../../../shared/domain/phone-number';
import { freeText, INSTANT, NEXT_CURSOR, PERIOD, UUID } from '../../../shared/http/schema-fragments';
import type { Customer } from '../../domain/customer';
import type { StoredBillingAddress } from '../../domain/billing-address';
import { billingAddressSchema } from './billing-address.dto';
import { MAX_PHONE_NUMBERS } from './register-customer.dto';

const PLAN_CODE = { type: String, pattern: PLAN_CODE_PATTERN.source, maxLength: 64 };

export class CustomerResponse {
  @ApiProperty(UUID)
  id!: string;
  @ApiProperty({ ...freeText(200), example: 'Ada Lovelace' })
  name!: string;
  @ApiProperty({ type: String, format: 'email', maxLength: 254, nullable: true, example: 'ada@example.com' })
  email!: string | null;
  @ApiProperty({
    type: String,
    pattern: IANA_NAME_PATTERN.source,
    maxLength: MAX_TIME_ZONE_LENGTH,
    example: 'Europe/Lisbon',
    description: 'IANA time zone: billing periods are calendar months in it',
  })
  timezone!: string;
  @ApiProperty({ ...PLAN_CODE, example: 'postpaid', description: 'The plan in force now' })
  plan!: string;
  @ApiProperty({
    ...PLAN_CODE,
    nullable: true,
    example: null,
    description: 'A plan change waiting for the next period',
  })
  pendingPlan!: string | null;
  @ApiProperty({
    ...PERIOD,
    nullable: true,
    example: null,
    description: 'The period the pending plan starts',
  })
  planEffectiveFrom!: string | null;
  @ApiProperty({
    type: [String],
    items: { type: 'string', pattern: E164_PATTERN.source, maxLength: 16 },
    maxItems: MAX_PHONE_NUMBERS,
    example: ['+351912345678'],
    description: 'The lines open now: not released (a line assigned from a later instant included)',
  })
  phoneNumbers!: string[];
  @ApiProperty({
    ...billingAddressSchema('response'),
    selfRequired: true,
    nullable: true,
    description: 'Printed on the invoice PDF; null when none was given',
  })
  billingAddress!: StoredBillingAddress | null;
  @ApiProperty({ ...INSTANT, example: '2026-10-01T09:30:00.000Z' })
  createdAt!: string;

  static of(customer: Customer, now: Date): CustomerResponse {
    const current = customer.currentPeriod(now).code;
    const pending = customer.planHistory.pendingAfter(current);
    return {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      timezone: customer.timezone.name,
      plan: customer.planInForceAt(now),
      pendingPlan: pending?.plan ?? null,
      planEffectiveFrom: pending?.from ?? null,
      phoneNumbers: customer.phoneNumbersAt(now).map((number) => number.e164),
      billingAddress: customer.billingAddress ? { ...customer.billingAddress.fields } : null,
      createdAt: customer.createdAt.toISOString(),
    };
  }
}

export class CreatedCustomerResponse extends CustomerResponse {
  @ApiProperty({
    ...CUSTOMER_API_KEY,
    description:
      "The customer's own API key, for reading its own customer, calls, invoices and balance. Returned once, here; store it now (POST /v1/customers/{customerId}/api-key issues a new one).",
  })
  apiKey!: string;
}

export class CustomerPageResponse {
  @ApiProperty({ type: [CustomerResponse], maxItems: MAX_PAGE_SIZE })
  data!: CustomerResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}
