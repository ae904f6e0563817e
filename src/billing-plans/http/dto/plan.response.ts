import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CURRENCY, DECIMAL, freeText, INSTANT, integer } from '../../../shared/http/schema-fragments';
import { MAX_GROUP_LENGTH } from '../../domain/destination-deck';
import { PLAN_CODE_PATTERN } from '../../domain/plan-catalog';
import type { PlanDescription } from '../../domain/billing-plan';
import { INLINE_DECK_LIMIT } from '../../domain/tariff-description';

const CODE = { type: String, pattern: PLAN_CODE_PATTERN.source, maxLength: 64 };
const E164_PREFIX = { type: String, pattern: '^\\+[1-9][0-9]{0,14}$', maxLength: 16 };
/** More versions than any catalog would hold: a bound for clients, not a rule of the service. */
const MAX_VERSIONS = 1000;

export class BillingIncrementResponse {
  @ApiProperty({ ...integer(1), example: 60, description: 'Seconds billed for any call up to this long' })
  firstSeconds!: number;
  @ApiProperty({
    ...integer(1),
    example: 1,
    description: 'Each started step of this many seconds after the first',
  })
  nextSeconds!: number;
}

export class DestinationResponse {
  @ApiProperty({
    ...E164_PREFIX,
    example: '+3519',
    description: 'E.164 prefix: the longest one matching a destination prices it',
  })
  prefix!: string;
  @ApiProperty({ ...freeText(MAX_GROUP_LENGTH), example: 'Portugal mobile' })
  group!: string;
  @ApiProperty({ ...DECIMAL, example: '0.05' })
  ratePerMinute!: string;
}

export class DestinationDeckResponse {
  @ApiProperty({ ...integer(1), example: 3, description: 'Number of prefixes' })
  size!: number;
  @ApiProperty({
    ...freeText(4096),
    nullable: true,
    example: 'rates/intl.csv',
    description: 'The destinationsFile as configured; null for an inline list',
  })
  file!: string | null;
  @ApiPropertyOptional({
    type: [DestinationResponse],
    maxItems: INLINE_DECK_LIMIT,
    description: `Listed when the deck has at most ${INLINE_DECK_LIMIT} prefixes`,
  })
  entries?: DestinationResponse[];
}

export class RateVersionResponse {
  @ApiProperty({ ...INSTANT, example: '2027-01-01T00:00:00.000Z' })
  effectiveFrom!: string;
  @ApiProperty({
    ...DECIMAL,
    nullable: true,
    example: '0.018',
    description: 'Rate of destinations no prefix matches (group "default"); null: such calls have no price',
  })
  ratePerMinute!: string | null;
  @ApiProperty({ type: BillingIncrementResponse })
  billingIncrement!: BillingIncrementResponse;
  @ApiProperty({ ...DECIMAL, example: '0.00' })
  connectFee!: string;
  @ApiProperty({ type: DestinationDeckResponse, nullable: true })
  destinations!: DestinationDeckResponse | null;
}

/**
 * A per-minute plan (postpaid, prepaid): each call is charged `connectFee + billedSeconds ×
 * ratePerMinute / 60`. Configured with rating settings, it also shows its `billingIncrement`,
 * `connectFee`, `destinations`, the `effectiveFrom` of the version in force and its future `versions`.
 */
export class PerMinutePlanResponse {
  @ApiProperty({ ...CODE, example: 'intl' })
  code!: string;
  @ApiProperty({ enum: ['postpaid', 'prepaid'], example: 'postpaid' })
  type!: string;
  @ApiProperty(CURRENCY)
  currency!: string;
  @ApiProperty({
    ...DECIMAL,
    example: '0.02',
    nullable: true,
    description: 'Rate of destinations no prefix matches (group "default"); null: such calls have no price',
  })
  ratePerMinute!: string | null;
  @ApiPropertyOptional({ type: BillingIncrementResponse })
  billingIncrement?: BillingIncrementResponse;
  @ApiPropertyOptional({ ...DECIMAL, example: '0.00' })
  connectFee?: string;
  @ApiPropertyOptional({ type: DestinationDeckResponse, nullable: true })
  destinations?: DestinationDeckResponse | null;
  @ApiPropertyOptional({
    ...INSTANT,
    example: null,
    nullable: true,
    description: 'Start of the version in force; null: the plan as first configured',
  })
  effectiveFrom?: string | null;
  @ApiPropertyOptional({
    type: [RateVersionResponse],
    maxItems: MAX_VERSIONS,
    description: 'Versions that start later, in order',
  })
  versions?: RateVersionResponse[];
  @ApiPropertyOptional({
    ...DECIMAL,
    example: '5.00',
    description:
      'Prepaid plans: a call taking the balance from at or above this to below it raises a balance.low alert (absent: no alerts)',
  })
  lowBalanceThreshold?: string;
}

/** A flat plan: a monthly fee, included minutes (null: unlimited), overage per minute beyond them. */
export class FlatPlanResponse {
  @ApiProperty({ ...CODE, example: 'flat' })
  code!: string;
  @ApiProperty({ enum: ['flat'], example: 'flat' })
  type!: string;
  @ApiProperty(CURRENCY)
  currency!: string;
  @ApiProperty({ ...DECIMAL, example: '20.00' })
  monthlyFee!: string;
  @ApiProperty({
    ...integer(0, Number.MAX_SAFE_INTEGER),
    example: null,
    nullable: true,
    description: 'null: unlimited',
  })
  includedMinutes!: number | null;
  @ApiProperty({ ...DECIMAL, example: '0.02' })
  overageRatePerMinute!: string;
  @ApiPropertyOptional({
    type: BillingIncrementResponse,
    description: 'Shown when the plan counts overage in other increments than whole minutes',
  })
  billingIncrement?: BillingIncrementResponse;
}

export class PlanCatalogResponse {
  @ApiProperty({
    type: 'array',
    maxItems: 1000,
    items: {
      oneOf: [{ $ref: getSchemaPath(PerMinutePlanResponse) }, { $ref: getSchemaPath(FlatPlanResponse) }],
    },
    example: [
      { code: 'postpaid', type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
      { code: 'prepaid', type: 'prepaid', ratePerMinute: '0.02', currency: 'USD' },
      {
        code: 'flat',
        type: 'flat',
        monthlyFee: '20.00',
        includedMinutes: null,
        overageRatePerMinute: '0.02',
        currency: 'USD',
      },
      {
        code: 'intl',
        type: 'postpaid',
        effectiveFrom: null,
        ratePerMinute: '0.02',
        billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
        connectFee: '0.00',
        destinations: {
          size: 2,
          file: null,
          entries: [
            { prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' },
            { prefix: '+3519', group: 'Portugal mobile', ratePerMinute: '0.05' },
          ],
        },
        currency: 'USD',
        versions: [
          {
            effectiveFrom: '2027-01-01T00:00:00.000Z',
            ratePerMinute: '0.018',
            billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
            connectFee: '0.00',
            destinations: { size: 20000, file: 'rates/intl-2027.csv' },
          },
        ],
      },
    ],
  })
  data!: PlanDescription[];
  @ApiProperty({ ...CODE, example: 'postpaid', description: 'The plan of customers registered without one' })
  defaultPlan!: string;
}
