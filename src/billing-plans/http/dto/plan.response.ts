import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INLINE_DECK_LIMIT } from '../../domain/tariff-description';

export class BillingIncrementResponse {
  @ApiProperty({ example: 60, minimum: 1, description: 'Seconds billed for any call up to this long' })
  firstSeconds!: number;
  @ApiProperty({
    example: 1,
    minimum: 1,
    description: 'Each started step of this many seconds after the first',
  })
  nextSeconds!: number;
}

export class DestinationResponse {
  @ApiProperty({
    example: '+3519',
    description: 'E.164 prefix: the longest one matching a destination prices it',
  })
  prefix!: string;
  @ApiProperty({ example: 'Portugal mobile' })
  group!: string;
  @ApiProperty({ example: '0.05', description: 'Exact decimal string' })
  ratePerMinute!: string;
}

export class DestinationDeckResponse {
  @ApiProperty({ example: 3, description: 'Number of prefixes' })
  size!: number;
  @ApiProperty({
    example: 'rates/intl.csv',
    nullable: true,
    type: String,
    description: 'The destinationsFile as configured; null for an inline list',
  })
  file!: string | null;
  @ApiPropertyOptional({
    type: [DestinationResponse],
    description: `Listed when the deck has at most ${INLINE_DECK_LIMIT} prefixes`,
  })
  entries?: DestinationResponse[];
}

export class RateVersionResponse {
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', format: 'date-time' })
  effectiveFrom!: string;
  @ApiProperty({
    example: '0.018',
    nullable: true,
    type: String,
    description: 'Rate of destinations no prefix matches (group "default"); null: such calls have no price',
  })
  ratePerMinute!: string | null;
  @ApiProperty({ type: BillingIncrementResponse })
  billingIncrement!: BillingIncrementResponse;
  @ApiProperty({ example: '0.00' })
  connectFee!: string;
  @ApiProperty({ type: DestinationDeckResponse, nullable: true })
  destinations!: DestinationDeckResponse | null;
}

/**
 * One plan of the catalog. Every plan has `code`, `type` and `currency`; per-minute plans
 * (postpaid, prepaid) `ratePerMinute`; flat plans `monthlyFee`, `includedMinutes` and
 * `overageRatePerMinute`. A per-minute plan configured with rating settings also shows its
 * `billingIncrement`, `connectFee`, `destinations`, the `effectiveFrom` of the version in force and
 * its future `versions`; a flat plan shows `billingIncrement` when it is not 60/60.
 */
export class PlanResponse {
  @ApiProperty({ example: 'intl' })
  code!: string;
  @ApiProperty({ example: 'postpaid', description: 'postpaid, prepaid or flat' })
  type!: string;
  @ApiProperty({ example: 'USD' })
  currency!: string;
  @ApiPropertyOptional({ example: '0.02', nullable: true, type: String })
  ratePerMinute?: string | null;
  @ApiPropertyOptional({ example: '20.00' })
  monthlyFee?: string;
  @ApiPropertyOptional({ example: null, nullable: true, type: Number, description: 'null: unlimited' })
  includedMinutes?: number | null;
  @ApiPropertyOptional({ example: '0.02' })
  overageRatePerMinute?: string;
  @ApiPropertyOptional({ type: BillingIncrementResponse })
  billingIncrement?: BillingIncrementResponse;
  @ApiPropertyOptional({ example: '0.00' })
  connectFee?: string;
  @ApiPropertyOptional({ type: DestinationDeckResponse, nullable: true })
  destinations?: DestinationDeckResponse | null;
  @ApiPropertyOptional({
    example: null,
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Start of the version in force; null: the plan as first configured',
  })
  effectiveFrom?: string | null;
  @ApiPropertyOptional({ type: [RateVersionResponse], description: 'Versions that start later, in order' })
  versions?: RateVersionResponse[];
}

export class PlanCatalogResponse {
  @ApiProperty({
    type: [PlanResponse],
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
  data!: PlanResponse[];
  @ApiProperty({ example: 'postpaid' })
  defaultPlan!: string;
}
