import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CustomerScoped, OperatorOnly } from '../../auth';
import { NoRateForDestinationError } from '../../billing-plans';
import { CustomerNotFoundError } from '../../customers';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import {
  InvalidTopUpAmountError,
  InvalidTopUpReferenceError,
  NotOnPrepaidPlanError,
  TopUpReferenceConflictError,
} from '../domain/prepaid.errors';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { GetBalanceQuery } from '../application/get-balance.query';
import { TopUpBalanceUseCase } from '../application/top-up-balance.use-case';
import { BalanceQueryDto } from './dto/balance.query.dto';
import { BalanceResponse, BalanceWithMinutesResponse, TopUpDto } from './dto/top-up.dto';

@ApiTags('prepaid')
@Controller('v1/customers/:customerId')
export class PrepaidController {
  constructor(
    private readonly topUpBalance: TopUpBalanceUseCase,
    private readonly getBalance: GetBalanceQuery,
  ) {}

  @Post('top-ups')
  @OperatorOnly()
  @ApiOperation({ summary: 'Credit a prepaid balance (operator); idempotent by reference' })
  @ApiCreatedResponse({ type: BalanceResponse })
  @ApiOkResponse({ type: BalanceResponse, description: 'Replay of a recorded top-up: nothing credited' })
  @ApiProblems(
    new InvalidTopUpAmountError(),
    new InvalidTopUpReferenceError(),
    new CustomerNotFoundError(EXAMPLE_UUID),
    new TopUpReferenceConflictError('pay-991'),
    new NotOnPrepaidPlanError(),
  )
  async topUp(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: TopUpDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BalanceResponse> {
    const { credited, balance } = await this.topUpBalance.execute(customerId, body.amount, body.reference);
    void reply.status(credited ? 201 : 200);
    return { balance: balance.toJSON() };
  }

  @Get('balance')
  @CustomerScoped('customerId')
  @ApiOperation({
    summary:
      'Prepaid balance, the whole minutes it still buys and, for a destination, the seconds a call to it may last',
  })
  @ApiOkResponse({ type: BalanceWithMinutesResponse })
  @ApiProblems(new NotOnPrepaidPlanError(), new NoRateForDestinationError('intl', '+999'))
  async balance(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @Query() query: BalanceQueryDto,
  ): Promise<BalanceWithMinutesResponse> {
    const view = await this.getBalance.execute(customerId, query.destination ?? null);
    return {
      balance: view.balance.toJSON(),
      remainingMinutes: view.remainingMinutes,
      ...(view.remainingSeconds === undefined ? {} : { remainingSeconds: view.remainingSeconds }),
    };
  }
}
