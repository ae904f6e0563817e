import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CustomerScoped, OperatorOnly } from '../../auth';
import { Clock } from '../../shared/clock/clock';
import { UnknownPlanError } from '../../billing-plans';
import { InvalidPhoneNumberError } from '../../shared/domain/phone-number';
import { InvalidTimeZoneError } from '../../shared/domain/shared.errors';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import { InvalidCursorError } from '../../shared/pagination/page';
import {
  CustomerNotFoundError,
  LineNotFoundError,
  PhoneNumberTakenError,
  ReleaseBeforeLastCallError,
  ReleaseBeforeLineStartError,
} from '../domain/customer.errors';
import { parseInstant } from '../../shared/domain/instant';
import { InvalidBillingAddressError } from '../domain/billing-address';
import { PageQueryDto } from '../../shared/http/page-query.dto';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { AddPhoneNumberUseCase } from '../application/add-phone-number.use-case';
import { ChangePlanUseCase } from '../application/change-plan.use-case';
import { GetCustomerQuery } from '../application/get-customer.query';
import { ListCustomersQuery } from '../application/list-customers.query';
import { PatchCustomerUseCase } from '../application/patch-customer.use-case';
import { RegisterCustomerUseCase } from '../application/register-customer.use-case';
import { ReleasePhoneNumberUseCase } from '../application/release-phone-number.use-case';
import { AddPhoneNumberDto } from './dto/add-phone-number.dto';
import { ChangePlanDto } from './dto/change-plan.dto';
import { PatchCustomerDto } from './dto/patch-customer.dto';
import { CreatedCustomerResponse, CustomerPageResponse, CustomerResponse } from './dto/customer.response';
import { LineListResponse, LineResponse, MAX_LISTED_LINES } from './dto/line.response';
import { ReleasePhoneNumberQueryDto } from './dto/release-phone-number.query.dto';
import { RegisterCustomerDto } from './dto/register-customer.dto';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly registerCustomer: RegisterCustomerUseCase,
    private readonly getCustomer: GetCustomerQuery,
    private readonly listCustomers: ListCustomersQuery,
    private readonly addPhoneNumber: AddPhoneNumberUseCase,
    private readonly releasePhoneNumber: ReleasePhoneNumberUseCase,
    private readonly changePlan: ChangePlanUseCase,
    private readonly patchCustomer: PatchCustomerUseCase,
    private readonly clock: Clock,
  ) {}

  @Post()
  @OperatorOnly()
  @ApiOperation({ summary: 'Register a customer with its phone lines (operator)' })
  @ApiCreatedResponse({ type: CreatedCustomerResponse })
  @ApiProblems(
    new InvalidPhoneNumberError('+351 2', 'phoneNumbers[0]'),
    new InvalidTimeZoneError('Mars/Olympus'),
    new UnknownPlanError('gold', ['postpaid', 'prepaid', 'flat']),
    new InvalidBillingAddressError(
      'billingAddress.country',
      'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. PT',
    ),
    new PhoneNumberTakenError('+351912345678'),
  )
  async register(
    @NoQuery() _query: void,
    @Body() body: RegisterCustomerDto,
  ): Promise<CreatedCustomerResponse> {
    const { customer, apiKey } = await this.registerCustomer.execute(body);
    return { ...CustomerResponse.of(customer, this.clock.now()), apiKey };
  }

  @Get()
  @OperatorOnly()
  @ApiOperation({ summary: 'List customers, oldest first (operator)' })
  @ApiOkResponse({ type: CustomerPageResponse })
  @ApiProblems(new InvalidCursorError())
  async list(@Query() query: PageQueryDto): Promise<CustomerPageResponse> {
    const page = await this.listCustomers.execute({ limit: query.limit, cursor: query.cursor ?? null });
    const now = this.clock.now();
    return {
      data: page.data.map((customer) => CustomerResponse.of(customer, now)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':customerId')
  @CustomerScoped('customerId')
  @ApiOperation({ summary: 'Read one customer' })
  @ApiOkResponse({ type: CustomerResponse })
  async get(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
  ): Promise<CustomerResponse> {
    return CustomerResponse.of(await this.getCustomer.execute(customerId), this.clock.now());
  }

  @Patch(':customerId')
  @OperatorOnly()
  @ApiOperation({
    summary: "Change a customer's billing address (operator)",
    description:
      'A JSON merge patch (RFC 7396 semantics, sent as application/json): fields left out stay as ' +
      'they are; `billingAddress: null` removes the address; an object is merged into the stored one.',
  })
  @ApiOkResponse({ type: CustomerResponse })
  @ApiProblems(
    new InvalidBillingAddressError('billingAddress.city', 'is required'),
    new CustomerNotFoundError(EXAMPLE_UUID),
  )
  async patch(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: PatchCustomerDto,
  ): Promise<CustomerResponse> {
    return CustomerResponse.of(await this.patchCustomer.execute(customerId, body), this.clock.now());
  }

  @Post(':customerId/phone-numbers')
  @OperatorOnly()
  @ApiOperation({
    summary:
      "Assign a phone line from `from` on (default: since always): 201 when added, 200 when it already was this customer's over that range, 409 when another line holds the number at any instant of it",
  })
  @ApiCreatedResponse({ type: CustomerResponse })
  @ApiOkResponse({
    type: CustomerResponse,
    description: "The number already was this customer's over the whole range",
  })
  @ApiProblems(
    new InvalidPhoneNumberError('+351 2', 'number'),
    new CustomerNotFoundError(EXAMPLE_UUID),
    new PhoneNumberTakenError('+351912345679'),
  )
  async addNumber(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: AddPhoneNumberDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerResponse> {
    const from = body.from === undefined ? null : parseInstant(body.from);
    const { customer, added } = await this.addPhoneNumber.execute(customerId, body.number, from);
    void reply.status(added ? 201 : 200);
    return CustomerResponse.of(customer, this.clock.now());
  }

  @Delete(':customerId/phone-numbers/:number')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Release a phone line at `at` (default now): later calls from it are no longer this customer's, and the number may be assigned to another customer from `at` on",
  })
  @ApiOkResponse({ type: CustomerResponse })
  @ApiProblems(
    new InvalidPhoneNumberError('+351 2', 'number'),
    new ReleaseBeforeLineStartError('+351912345678', new Date('2026-10-01T00:00:00Z')),
    new CustomerNotFoundError(EXAMPLE_UUID),
    new LineNotFoundError(EXAMPLE_UUID, '+351912345678'),
    new ReleaseBeforeLastCallError('+351912345678', new Date('2026-10-05T14:03:00Z')),
    // It takes no body, but Fastify reads one that is sent: too large, or not JSON.
    413,
    415,
  )
  async releaseNumber(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @Param('number') number: string,
    @Query() query: ReleasePhoneNumberQueryDto,
  ): Promise<CustomerResponse> {
    const now = this.clock.now();
    const at = query.at === undefined ? now : parseInstant(query.at)!;
    return CustomerResponse.of(await this.releasePhoneNumber.execute(customerId, number, at), now);
  }

  @Get(':customerId/phone-numbers')
  @CustomerScoped('customerId')
  @ApiOperation({ summary: "The customer's phone lines, past and present, oldest first" })
  @ApiOkResponse({ type: LineListResponse })
  async listNumbers(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
  ): Promise<LineListResponse> {
    const customer = await this.getCustomer.execute(customerId);
    return { data: customer.lines.slice(-MAX_LISTED_LINES).map((line) => LineResponse.of(line)) };
  }

  @Put(':customerId/plan')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change plan from the next period on (never mid-period)' })
  @ApiOkResponse({ type: CustomerResponse })
  @ApiProblems(
    new UnknownPlanError('gold', ['postpaid', 'prepaid', 'flat']),
    new CustomerNotFoundError(EXAMPLE_UUID),
  )
  async changePlanOf(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: ChangePlanDto,
  ): Promise<CustomerResponse> {
    return CustomerResponse.of(await this.changePlan.execute(customerId, body.plan), this.clock.now());
  }
}
