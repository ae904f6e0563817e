import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyKey } from '../../auth';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { Clock } from '../../shared/clock/clock';
import { PlanCatalog } from '../domain/plan-catalog';
import { INLINE_DECK_LIMIT } from '../domain/tariff-description';
import { FlatPlanResponse, PerMinutePlanResponse, PlanCatalogResponse } from './dto/plan.response';

@ApiTags('plans')
@ApiExtraModels(PerMinutePlanResponse, FlatPlanResponse)
@Controller('v1/plans')
export class PlansController {
  constructor(
    private readonly catalog: PlanCatalog,
    private readonly clock: Clock,
  ) {}

  @Get()
  @AnyKey()
  @ApiOperation({
    summary: 'The plan catalog (from configuration) and the default plan of new customers',
    description: `Dated prices show the version in force now and the later ones. A destination deck is listed entry by entry up to ${INLINE_DECK_LIMIT} prefixes; a larger one by its size and file.`,
  })
  @ApiOkResponse({ type: PlanCatalogResponse })
  list(@NoQuery() _query: void): PlanCatalogResponse {
    const now = this.clock.now();
    return {
      data: this.catalog.list().map((plan) => plan.describe(now)),
      defaultPlan: this.catalog.defaultPlanCode,
    };
  }
}
