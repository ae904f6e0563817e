import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorOnly } from '../../auth';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { ReconcileMonthQuery } from '../application/reconcile-month.query';
import { InvalidMonthError } from '../domain/utc-month';
import { ReconciliationQueryDto } from './dto/reconciliation.query.dto';
import { RECONCILIATION_EXAMPLE, ReconciliationResponse } from './dto/reconciliation.response';

@ApiTags('reconciliation')
@Controller('v1/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconcileMonth: ReconcileMonthQuery) {}

  @Get()
  @OperatorOnly()
  @ApiOperation({
    summary: 'Every call record of a UTC month, accounted for (operator)',
    description:
      'Computed from the stored calls, suspense, not-billable CDR records and invoices at request time. ' +
      '`checks` says whether the identities hold; every figure can be listed (the invoice calls, the ' +
      'suspense list, the CDR files).',
  })
  @ApiOkResponse({ type: ReconciliationResponse, example: RECONCILIATION_EXAMPLE })
  @ApiProblems(new InvalidMonthError('2026-13'))
  async get(@Query() query: ReconciliationQueryDto): Promise<ReconciliationResponse> {
    return this.reconcileMonth.execute(query.month);
  }
}
