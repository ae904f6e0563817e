import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AnyKey } from '../../auth';
import { PlanCatalog } from '../domain/plan-catalog';
import type { PlanDescription } from '../domain/billing-plan';

class PlanCatalogResponse {
  @ApiProperty({
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
  @ApiProperty({ example: 'postpaid' })
  defaultPlan!: string;
}

@ApiTags('plans')
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly catalog: PlanCatalog) {}

  @Get()
  @AnyKey()
  @ApiOperation({ summary: 'The plan catalog (from configuration) and the default plan of new customers' })
  @ApiOkResponse({ type: PlanCatalogResponse })
  list(): PlanCatalogResponse {
    return {
      data: this.catalog.list().map((plan) => plan.describe()),
      defaultPlan: this.catalog.defaultPlanCode,
    };
  }
}
