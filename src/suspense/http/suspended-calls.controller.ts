import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorOnly } from '../../auth';
import { InvalidPhoneNumberError } from '../../shared/domain/phone-number';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { InvalidCursorError } from '../../shared/pagination/page';
import { ListSuspendedCallsQuery } from '../application/list-suspended-calls.query';
import { ReprocessSuspendedCallsUseCase } from '../application/reprocess-suspended-calls.use-case';
import { WriteOffSuspendedCallUseCase } from '../application/write-off-suspended-call.use-case';
import type { SuspenseReason, SuspenseStatus } from '../domain/suspended-call';
import { SuspendedCallNotFoundError, SuspendedCallNotHeldError } from '../domain/suspense.errors';
import { ReprocessDto, WriteOffDto } from './dto/suspense-requests.dto';
import {
  ReprocessResponse,
  SuspendedCallPageResponse,
  SuspendedCallResponse,
} from './dto/suspended-call.response';
import { SuspendedCallsQueryDto } from './dto/suspended-calls.query.dto';

const EXAMPLE_ID = '019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b';

@ApiTags('suspense')
@Controller('v1/suspended-calls')
export class SuspendedCallsController {
  constructor(
    private readonly listCalls: ListSuspendedCallsQuery,
    private readonly reprocessCalls: ReprocessSuspendedCallsUseCase,
    private readonly writeOffCall: WriteOffSuspendedCallUseCase,
  ) {}

  @Get()
  @OperatorOnly()
  @ApiOperation({
    summary: 'Calls held in suspense, oldest first, by reason, line or status (operator)',
    description:
      'A call record the service could not charge yet (its line had no owner when it started, or no rate prices it) is held here, never dropped. Recorded calls (callIdOfRecord) and written-off ones stay listed.',
  })
  @ApiOkResponse({ type: SuspendedCallPageResponse })
  @ApiProblems(new InvalidCursorError(), new InvalidPhoneNumberError('+351 2', 'phoneNumber'))
  async list(@Query() query: SuspendedCallsQueryDto): Promise<SuspendedCallPageResponse> {
    const page = await this.listCalls.execute({
      reason: (query.reason as SuspenseReason | undefined) ?? null,
      phoneNumber: query.phoneNumber ?? null,
      status: (query.status as SuspenseStatus | undefined) ?? null,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { data: page.data.map((call) => SuspendedCallResponse.of(call)), nextCursor: page.nextCursor };
  }

  @Post('reprocess')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retry the held calls now, all or of a reason or line (operator)',
    description:
      'Each held call in scope is rated by the rules of its start and recorded if it can be now (a call of an invoiced period becomes a late call); the others stay held. Concurrent retries never record a call twice: a call another retry is recording is skipped.',
  })
  @ApiOkResponse({ type: ReprocessResponse })
  @ApiProblems(new InvalidPhoneNumberError('+351 2', 'phoneNumber'))
  reprocess(@NoQuery() _query: void, @Body() body: ReprocessDto): Promise<ReprocessResponse> {
    return this.reprocessCalls.execute({
      reason: (body.reason as SuspenseReason | undefined) ?? null,
      phoneNumber: body.phoneNumber ?? null,
    });
  }

  @Post(':id/write-off')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Write a held call off with a note: it will never be charged (operator)',
    description:
      'The call stays listed as written_off. Only a call still held (status suspended) can be written off: 409 otherwise.',
  })
  @ApiOkResponse({ type: SuspendedCallResponse })
  @ApiProblems(
    new SuspendedCallNotFoundError(EXAMPLE_ID),
    new SuspendedCallNotHeldError(EXAMPLE_ID, 'recorded'),
  )
  async writeOff(
    @NoQuery() _query: void,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: WriteOffDto,
  ): Promise<SuspendedCallResponse> {
    return SuspendedCallResponse.of(await this.writeOffCall.execute(id.toLowerCase(), body.note));
  }
}
