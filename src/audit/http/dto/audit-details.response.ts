import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { PLAN_CODE_PATTERN } from '../../../billing-plans';
import { E164_PATTERN } from '../../../shared/domain/phone-number';
import { IANA_NAME_PATTERN, MAX_TIME_ZONE_LENGTH } from '../../../shared/domain/time-zone';
import { MoneyResponse } from '../../../shared/http/money.response';
import { E164, freeText, INSTANT, integer, MAX_COUNT, PERIOD } from '../../../shared/http/schema-fragments';

/**
 * The `details` of each action: one schema per action that is emitted today. Keep in step with
 * the use cases that record them (the response checker refuses any field not listed here).
 */
const PLAN_CODE = { type: String, pattern: PLAN_CODE_PATTERN.source, maxLength: 64, example: 'flat' };
const KEY_VERSION = {
  type: String,
  pattern: '^[A-Za-z0-9_-]{22}$',
  maxLength: 22,
  nullable: true,
  example: 'Xf3k9QzLw0Rt7uYp1aBcDe',
  description: 'A fingerprint of the key (never the key or its hash); null when there was none',
};
/** E.164 numbers, as a customer's lines. */
function lines(example: string[], description?: string): ApiPropertyOptions {
  return {
    type: [String],
    items: { type: 'string', pattern: E164_PATTERN.source, maxLength: 16 },
    maxItems: 100,
    example,
    description,
  };
}

export class CustomerCreatedDetails {
  @ApiProperty({ ...freeText(200), example: 'Ada Lovelace' })
  name!: string;
  @ApiProperty({ type: String, format: 'email', maxLength: 254, nullable: true, example: 'ada@example.com' })
  email!: string | null;
  @ApiProperty({
    type: String,
    pattern: IANA_NAME_PATTERN.source,
    maxLength: MAX_TIME_ZONE_LENGTH,
    example: 'Europe/Lisbon',
  })
  timezone!: string;
  @ApiProperty(PLAN_CODE)
  plan!: string;
  @ApiProperty(lines(['+351912345678']))
  phoneNumbers!: string[];
}

export class PhoneNumberAssignedDetails {
  @ApiProperty(E164)
  number!: string;
  @ApiProperty(lines([], "The customer's lines before"))
  before!: string[];
  @ApiProperty(lines(['+351912345678'], "The customer's lines after"))
  after!: string[];
}

export class PhoneNumberReleasedDetails {
  @ApiProperty(E164)
  number!: string;
  @ApiProperty({ ...INSTANT, description: "When the line stopped being the customer's" })
  at!: string;
}

export class PlanChangedDetails {
  @ApiProperty({ ...PLAN_CODE, example: 'postpaid', description: 'The plan the next period had before' })
  before!: string;
  @ApiProperty({ ...PLAN_CODE, description: 'The plan it has now' })
  after!: string;
  @ApiProperty({ ...PERIOD, example: '2026-11', description: 'The period the new plan starts' })
  effectiveFrom!: string;
}

export class ApiKeyRotatedDetails {
  @ApiProperty(KEY_VERSION)
  previousVersion!: string | null;
  @ApiProperty(KEY_VERSION)
  version!: string | null;
}

export class TopUpRecordedDetails {
  @ApiProperty({ ...freeText(128), example: 'pay-991' })
  reference!: string;
  @ApiProperty({ type: MoneyResponse })
  amount!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse })
  balanceAfter!: MoneyResponse;
}

export class InvoiceIssuedDetails {
  @ApiProperty({ ...freeText(64), example: 'INV-2026-000001' })
  number!: string;
  @ApiProperty(PERIOD)
  period!: string;
  @ApiProperty({ type: MoneyResponse })
  total!: MoneyResponse;
}

export class InvoicingRunCompletedDetails {
  @ApiProperty({ type: String, enum: ['scheduler', 'catch-up', 'api'], example: 'scheduler' })
  trigger!: string;
  @ApiProperty({
    ...PERIOD,
    nullable: true,
    example: null,
    description: "null: each customer's last closed period",
  })
  period!: string | null;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 120 })
  customers!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 118 })
  created!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2 })
  alreadyInvoiced!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 0 })
  failed!: number;
}

export class PortalSessionCreatedDetails {
  @ApiProperty({ type: String, enum: ['sign-in-link'], example: 'sign-in-link' })
  kind!: string;
  @ApiProperty({ ...INSTANT, description: 'When the link stops working' })
  expiresAt!: string;
}

export class CdrFileImportedDetails {
  @ApiProperty({ type: String, pattern: '^[A-Za-z0-9._-]{1,48}$', maxLength: 48, example: 'sw1' })
  source!: string;
  @ApiProperty({ type: String, enum: ['asterisk', 'freeswitch', 'csv'], example: 'asterisk' })
  format!: string;
  @ApiProperty({
    type: String,
    pattern: '^[0-9a-f]{64}$',
    maxLength: 64,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 1000 })
  records!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 985 })
  recorded!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2 })
  duplicates!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 5 })
  notBillable!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 6 })
  suspended!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2 })
  rejected!: number;
}

const SUSPENSE_REASON = {
  type: String,
  enum: ['unknown-phone-number', 'no-rate'],
  example: 'unknown-phone-number',
};
const CALL_ID = { type: String, pattern: '^[A-Za-z0-9._:-]{1,128}$', maxLength: 128, example: 'sw1-000124' };

export class SuspendedCallRecordedDetails {
  @ApiProperty(CALL_ID)
  callId!: string;
  @ApiProperty({ ...SUSPENSE_REASON, description: 'Why it was held' })
  reason!: string;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, description: 'The recorded call' })
  callIdOfRecord!: string;
  @ApiProperty({ type: MoneyResponse, description: 'What it was charged' })
  charge!: MoneyResponse;
}

export class SuspendedCallWrittenOffDetails {
  @ApiProperty(CALL_ID)
  callId!: string;
  @ApiProperty({ ...SUSPENSE_REASON, description: 'Why it was held' })
  reason!: string;
  @ApiProperty({ ...freeText(500), example: 'test line', description: "The operator's note" })
  note!: string;
}

export const AUDIT_DETAILS = [
  CustomerCreatedDetails,
  PhoneNumberAssignedDetails,
  PhoneNumberReleasedDetails,
  PlanChangedDetails,
  ApiKeyRotatedDetails,
  TopUpRecordedDetails,
  InvoiceIssuedDetails,
  InvoicingRunCompletedDetails,
  PortalSessionCreatedDetails,
  CdrFileImportedDetails,
  SuspendedCallRecordedDetails,
  SuspendedCallWrittenOffDetails,
];
