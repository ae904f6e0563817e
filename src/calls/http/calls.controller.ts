import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CustomerScoped, OperatorOnly } from '../../auth';
import { NoRateForDestinationError } from '../../billing-plans';
import { fieldPath } from '../../shared/domain/field-path';
import { InvalidPhoneNumberError } from '../../shared/domain/phone-number';
import { UnstorableInputError } from '../../shared/domain/storable-input';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { domainProblem } from '../../shared/http/problem';
import { RequestValidationError } from '../../shared/http/request-validation.error';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { InvalidCursorError } from '../../shared/pagination/page';
import { GetCallHistoryQuery } from '../application/get-call-history.query';
import { RecordCallsUseCase } from '../application/record-calls.use-case';
import { RecordSingleCallUseCase } from '../application/record-single-call.use-case';
import {
  CallIdConflictError,
  InvalidDurationSecondsError,
  InvalidHistoryRangeError,
  InvalidMinutesError,
  CallHeldInSuspenseError,
  OneDurationError,
  UnknownPhoneNumberError,
} from '../domain/call.errors';
import { CallBatchDto, CallRecordDto, MAX_BATCH } from './dto/call-record.dto';
import { CallHistoryQueryDto } from './dto/call-history.query.dto';
import {
  CallBatchResponse,
  CallPageResponse,
  CallResponse,
  POSTPAID_CALL_EXAMPLE,
} from './dto/call.response';

const TOO_MANY_CALLS = new RequestValidationError([
  { field: 'calls', message: `at most ${MAX_BATCH} calls per batch` },
]);

@ApiTags('calls')
@Controller()
export class CallsController {
  constructor(
    private readonly recordCalls: RecordCallsUseCase,
    private readonly recordCall: RecordSingleCallUseCase,
    private readonly callHistory: GetCallHistoryQuery,
  ) {}

  @Post('v1/calls')
  @OperatorOnly()
  @ApiOperation({
    summary: 'Record one call from the switch (operator)',
    description:
      'callId is the idempotency key: a replay with the same content answers 200 with the stored call and charges nothing; different content under the same callId answers 409. A record whose line had no owner when it started, or that no rate prices, answers 422 with the problem of its reason (unknown-phone-number, no-rate-for-destination) and is held in suspense, never lost: the problem carries suspendedCallId. Replaying a held callId answers 422 again with the same suspendedCallId (never a second held call); once recorded from suspense, 200 with the call; different content under a held callId answers 409.',
  })
  @ApiBody({ type: CallRecordDto })
  @ApiCreatedResponse({
    type: CallResponse,
    description: 'Recorded and charged',
    example: POSTPAID_CALL_EXAMPLE,
  })
  @ApiOkResponse({
    type: CallResponse,
    description: 'A replay: the call already stored',
    example: POSTPAID_CALL_EXAMPLE,
  })
  @ApiProblems(
    new InvalidMinutesError(1440),
    new InvalidDurationSecondsError(86_400),
    new OneDurationError(),
    new InvalidPhoneNumberError('+351 2', 'phoneNumber'),
    new UnstorableInputError({ field: 'destination', message: 'must not contain NUL characters' }),
    new CallIdConflictError('sw1-000123'),
    new CallHeldInSuspenseError(
      'unknown-phone-number',
      new UnknownPhoneNumberError('+351900000000').message,
      'phoneNumber',
      '019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b',
    ),
    new CallHeldInSuspenseError(
      'no-rate',
      new NoRateForDestinationError('intl', '+88213').message,
      'destination',
      '019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5c',
    ),
  )
  async record(
    @NoQuery() _query: void,
    @Body() body: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CallResponse> {
    const outcome = await this.recordCall.execute(body);
    if (outcome.status === 'rejected') throw outcome.error;
    void reply.status(outcome.status === 'created' ? 201 : 200);
    return CallResponse.of(outcome.call);
  }

  @Post('v1/calls/batch')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record up to 10,000 calls (operator)',
    description:
      'Each item is judged alone, by the rules of POST /v1/calls (unknown fields, NUL characters and all): valid items are stored even when others are rejected, and each rejected item is listed with its index, callId and the problem POST /v1/calls would answer. An item held in suspense (unknown line, no rate) is listed with its suspendedCallId and counted in suspended; the held items and the stored calls commit together.',
  })
  @ApiBody({ type: CallBatchDto })
  @ApiOkResponse({ type: CallBatchResponse })
  @ApiProblems(TOO_MANY_CALLS.toProblem())
  async recordBatch(@NoQuery() _query: void, @Body() body: CallBatchDto): Promise<CallBatchResponse> {
    const calls = batchItems(body);
    const outcomes = await this.recordCalls.execute(calls);
    const response: CallBatchResponse = { accepted: 0, duplicates: 0, suspended: 0, rejected: [] };
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'created') response.accepted += 1;
      else if (outcome.status === 'duplicate') response.duplicates += 1;
      else {
        const { status, type, detail } = domainProblem(outcome.error);
        const { callId, suspendedCallId } = outcome;
        if (suspendedCallId === undefined) response.rejected.push({ index, callId, status, type, detail });
        else {
          response.suspended += 1;
          response.rejected.push({ index, callId, status, type, detail, suspendedCallId });
        }
      }
    });
    return response;
  }

  @Get('v1/customers/:customerId/calls')
  @CustomerScoped('customerId')
  @ApiOperation({
    summary: 'Call history, newest first; filter by period (customer time zone) or from/to, and line',
  })
  @ApiOkResponse({ type: CallPageResponse, example: { data: [POSTPAID_CALL_EXAMPLE], nextCursor: null } })
  @ApiProblems(new InvalidHistoryRangeError(), new InvalidCursorError())
  async history(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @Query() query: CallHistoryQueryDto,
  ): Promise<CallPageResponse> {
    return this.callHistory.execute({
      customerId,
      period: query.period,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      phoneNumber: query.phoneNumber,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
  }
}

/** The batch envelope: `{ "calls": [...] }` and nothing else; its items are judged one by one. */
function batchItems(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RequestValidationError([
      { field: 'body', message: 'must be { "calls": [ ...call records... ] }' },
    ]);
  const unknown = Object.keys(body).filter((field) => field !== 'calls');
  if (unknown.length > 0)
    throw new RequestValidationError(
      unknown.map((field) => ({ field: fieldPath('', field), message: 'is not a known field' })),
    );
  const calls = (body as { calls?: unknown }).calls;
  if (!Array.isArray(calls)) {
    throw new RequestValidationError([{ field: 'calls', message: 'must be an array of call records' }]);
  }
  if (calls.length > MAX_BATCH) throw TOO_MANY_CALLS;
  return calls;
}
