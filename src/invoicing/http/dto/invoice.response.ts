import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_CODE_PATTERN } from '../../../billing-plans';
import { IANA_NAME_PATTERN, MAX_TIME_ZONE_LENGTH } from '../../../shared/domain/time-zone';
import { MoneyResponse } from '../../../shared/http/money.response';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import {
  DECIMAL,
  freeText,
  INSTANT,
  integer,
  MAX_COUNT,
  NEXT_CURSOR,
  PERIOD,
  UUID,
} from '../../../shared/http/schema-fragments';
import type { Invoice } from '../../domain/invoice';

const PLAN_CODE = { type: String, pattern: PLAN_CODE_PATTERN.source, maxLength: 64, example: 'postpaid' };
/** Invoice instants are whole seconds: `2026-09-30T23:00:00Z`. */
const WHOLE_SECOND = { ...INSTANT, maxLength: 20, example: '2026-09-30T23:00:00Z' };

export class InvoiceLineResponse {
  @ApiProperty({ enum: ['usage', 'late_usage', 'fixed_fee', 'overage', 'prepaid_applied'], example: 'usage' })
  kind!: string;
  @ApiProperty({ ...freeText(200), example: '412 minutes at 0.02 USD' })
  description!: string;
  @ApiProperty({ ...PERIOD, description: "The period the line bills (a late_usage line: the calls' own)" })
  period!: string;
  @ApiPropertyOptional({
    ...freeText(64),
    example: 'default',
    description:
      "usage and late_usage lines: the destination group of the calls billed (`default`: the plan's own rate)",
  })
  group?: string;
  @ApiPropertyOptional({
    ...integer(0, MAX_COUNT),
    example: 24720,
    description: 'usage, late_usage and overage lines: the billed seconds the line bills',
  })
  billedSeconds?: number;
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: MAX_COUNT,
    example: 412,
    description: 'Billed minutes (billedSeconds / 60, half-up to 2 decimals, for reading), or 1 for a fee',
  })
  quantity!: number;
  @ApiProperty({ ...DECIMAL, nullable: true, example: '0.02' })
  unitPrice!: string | null;
  @ApiProperty({
    ...DECIMAL,
    example: '8.24',
    description: 'Rounded half-up (away from zero) to the cent; negative for prepaid_applied',
  })
  amount!: string;
}

export class InvoiceResponse {
  @ApiProperty({ ...UUID, nullable: true, description: 'null for the upcoming preview' })
  id!: string | null;
  @ApiProperty({
    type: String,
    pattern: '^[A-Z0-9]{1,10}-[0-9]{4}-[0-9]{6,}$',
    maxLength: 32,
    nullable: true,
    example: 'INV-2026-000042',
    description: 'INVOICE_NUMBER_PREFIX-year of issue-sequence; null for the upcoming preview',
  })
  number!: string | null;
  @ApiProperty(UUID)
  customerId!: string;
  @ApiProperty(PERIOD)
  period!: string;
  @ApiProperty(WHOLE_SECOND)
  periodStart!: string;
  @ApiProperty({ ...WHOLE_SECOND, example: '2026-10-31T23:00:00Z' })
  periodEnd!: string;
  @ApiProperty({
    type: String,
    pattern: IANA_NAME_PATTERN.source,
    maxLength: MAX_TIME_ZONE_LENGTH,
    example: 'Europe/Lisbon',
  })
  timezone!: string;
  @ApiProperty(PLAN_CODE)
  plan!: string;
  @ApiProperty({ enum: ['issued', 'upcoming'], example: 'issued' })
  status!: string;
  @ApiProperty({
    ...INSTANT,
    nullable: true,
    example: '2026-11-01T00:05:00.120Z',
    description: 'null for the preview',
  })
  issuedAt!: string | null;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 31, description: "Calls of the invoice's own period" })
  callCount!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 412, description: "Minutes of the invoice's own period" })
  minutes!: number;
  @ApiProperty({
    ...integer(0, MAX_COUNT),
    example: 24720,
    description: "Billed seconds of the invoice's own period's calls",
  })
  billedSeconds!: number;
  @ApiProperty({ type: [InvoiceLineResponse], maxItems: 1000 })
  lines!: InvoiceLineResponse[];
  @ApiProperty({ type: MoneyResponse, description: 'The sum of the line amounts, never negative' })
  total!: MoneyResponse;

  static of(invoice: Invoice): InvoiceResponse {
    return {
      id: invoice.id,
      number: invoice.number,
      customerId: invoice.customerId,
      period: invoice.period.code,
      periodStart: utc(invoice.period.start),
      periodEnd: utc(invoice.period.end),
      timezone: invoice.period.zone.name,
      plan: invoice.plan,
      status: invoice.status,
      issuedAt: invoice.issuedAt ? utc(invoice.issuedAt) : null,
      callCount: invoice.callCount,
      minutes: invoice.minutes,
      billedSeconds: invoice.billedSeconds,
      lines: invoice.lines.map((line) => ({
        kind: line.kind,
        description: line.description,
        period: line.period,
        ...(line.group === undefined ? {} : { group: line.group }),
        ...(line.billedSeconds === undefined ? {} : { billedSeconds: line.billedSeconds }),
        quantity: line.quantity,
        unitPrice: line.unitPrice?.toString() ?? null,
        amount: line.amount.toString(),
      })),
      total: invoice.total.toJSON(),
    };
  }
}

/** `2026-09-30T23:00:00Z`: whole-second instants without milliseconds, as the API shows them. */
function utc(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}

export class InvoicePageResponse {
  @ApiProperty({ type: [InvoiceResponse], maxItems: MAX_PAGE_SIZE })
  data!: InvoiceResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

export class InvoicingRunResponse {
  @ApiProperty({
    ...PERIOD,
    nullable: true,
    example: '2026-09',
    description: "null: each customer's own last closed period",
  })
  period!: string | null;
  @ApiProperty({
    ...integer(0, MAX_COUNT),
    example: 1200,
    description: 'Customers due an invoice for the period',
  })
  customers!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 1198 })
  created!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2 })
  alreadyInvoiced!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 0 })
  failed!: number;
}
