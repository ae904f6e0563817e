import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorOnly } from '../../auth';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { InvalidCursorError } from '../../shared/pagination/page';
import { ListAuditEventsQuery } from '../application/list-audit-events.query';
import type { AuditAction } from '../domain/audit-event';
import { AUDIT_DETAILS } from './dto/audit-details.response';
import { AuditEventPageResponse, AuditEventResponse } from './dto/audit-event.response';
import { AuditEventsQueryDto } from './dto/audit-events.query.dto';

@ApiTags('operations')
@ApiExtraModels(...AUDIT_DETAILS)
@Controller('v1/audit-events')
export class AuditEventsController {
  constructor(private readonly listEvents: ListAuditEventsQuery) {}

  @Get()
  @OperatorOnly()
  @ApiOperation({ summary: 'The audit trail, newest first, by action or customer (operator)' })
  @ApiOkResponse({ type: AuditEventPageResponse })
  @ApiProblems(new InvalidCursorError())
  async list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageResponse> {
    const page = await this.listEvents.execute({
      // The DTO has checked that the action is one of AUDIT_ACTIONS.
      action: (query.action as AuditAction | undefined) ?? null,
      customerId: query.customerId?.toLowerCase() ?? null,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { data: page.data.map((event) => AuditEventResponse.of(event)), nextCursor: page.nextCursor };
  }
}
