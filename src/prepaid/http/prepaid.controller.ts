import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CustomerScoped, OperatorOnly } from '../../auth';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { GetBalanceQuery } from '../application/get-balance.query';
import { TopUpBalanceUseCase } from '../application/top-up-balance.use-case';
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
  @ApiProblems(400, 404, 409)
  async topUp(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @Body() body: TopUpDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BalanceResponse> {
    const { credited, balance } = await this.topUpBalance.execute(customerId, body.amount, body.reference);
    void reply.status(credited ? 201 : 200);
    return { balance: balance.toJSON() };
  }

  @Get('balance')
  @CustomerScoped('customerId')
  @ApiOperation({ summary: 'Prepaid balance and the whole minutes it still buys' })
  @ApiOkResponse({ type: BalanceWithMinutesResponse })
  @ApiProblems(400, 404, 409)
  async balance(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
  ): Promise<BalanceWithMinutesResponse> {
    const view = await this.getBalance.execute(customerId);
    return { balance: view.balance.toJSON(), remainingMinutes: view.remainingMinutes };
  }
}
