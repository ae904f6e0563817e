import { Controller, Get } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AnyKey } from '../../auth';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { CURRENCY, DECIMAL, integer } from '../../shared/http/schema-fragments';
import { PLAN_CODE_PATTERN, PlanCatalog } from '../domain/plan-catalog';
import type { PlanDescription } from '../domain/billing-plan';

const CODE = { type: String, pattern: PLAN_CODE_PATTERN.source, maxLength: 64 };

/** A per-minute plan (postpaid, prepaid): every call is charged minutes × ratePerMinute. */
class PerMinutePlanResponse {
  @ApiProperty({ ...CODE, example: 'postpaid' })
  code!: string;
  @ApiProperty({ enum: ['postpaid', 'prepaid'], example: 'postpaid' })
  type!: string;
  @ApiProperty({ ...DECIMAL, example: '0.02' })
  ratePerMinute!: string;
  @ApiProperty(CURRENCY)
  currency!: string;
}

/** A flat plan: a monthly fee, included minutes (null: unlimited), overage per minute beyond them. */
class FlatPlanResponse {
  @ApiProperty({ ...CODE, example: 'flat' })
  code!: string;
  @ApiProperty({ enum: ['flat'], example: 'flat' })
  type!: string;
  @ApiProperty({ ...DECIMAL, example: '20.00' })
  monthlyFee!: string;
  @ApiProperty({ ...integer(0, Number.MAX_SAFE_INTEGER), nullable: true, example: null })
  includedMinutes!: number | null;
  @ApiProperty({ ...DECIMAL, example: '0.02' })
  overageRatePerMinute!: string;
  @ApiProperty(CURRENCY)
  currency!: string;
}

class PlanCatalogResponse {
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
    ],
  })
  data!: PlanDescription[];
  @ApiProperty({ ...CODE, example: 'postpaid', description: 'The plan of customers registered without one' })
  defaultPlan!: string;
}

@ApiTags('plans')
@ApiExtraModels(PerMinutePlanResponse, FlatPlanResponse)
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly catalog: PlanCatalog) {}

  @Get()
  @AnyKey()
  @ApiOperation({ summary: 'The plan catalog (from configuration) and the default plan of new customers' })
  @ApiOkResponse({ type: PlanCatalogResponse })
  list(@NoQuery() _query: void): PlanCatalogResponse {
    return {
      data: this.catalog.list().map((plan) => plan.describe()),
      defaultPlan: this.catalog.defaultPlanCode,
    };
  }
}
