import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CustomerScoped, IssueCustomerKeyUseCase, OperatorOnly } from '../../auth';
import { Clock } from '../../shared/clock/clock';
import { UnknownPlanError } from '../../billing-plans';
import { InvalidPhoneNumberError } from '../../shared/domain/phone-number';
import { InvalidTimeZoneError } from '../../shared/domain/shared.errors';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import { InvalidCursorError } from '../../shared/pagination/page';
import { InvalidBillingAddressError } from '../domain/billing-address';
import { CustomerNotFoundError, PhoneNumberTakenError } from '../domain/customer.errors';
import { PageQueryDto } from '../../shared/http/page-query.dto';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { AddPhoneNumberUseCase } from '../application/add-phone-number.use-case';
import { ChangePlanUseCase } from '../application/change-plan.use-case';
import { GetCustomerQuery } from '../application/get-customer.query';
import { ListCustomersQuery } from '../application/list-customers.query';
import { PatchCustomerUseCase } from '../application/patch-customer.use-case';
import { RegisterCustomerUseCase } from '../application/register-customer.use-case';
import { AddPhoneNumberDto } from './dto/add-phone-number.dto';
import { ChangePlanDto } from './dto/change-plan.dto';
import { PatchCustomerDto } from './dto/patch-customer.dto';
import { CreatedCustomerResponse, CustomerPageResponse, CustomerResponse } from './dto/customer.response';
import { RegisterCustomerDto } from './dto/register-customer.dto';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly registerCustomer: RegisterCustomerUseCase,
    private readonly getCustomer: GetCustomerQuery,
    private readonly listCustomers: ListCustomersQuery,
    private readonly addPhoneNumber: AddPhoneNumberUseCase,
    private readonly changePlan: ChangePlanUseCase,
    private readonly patchCustomer: PatchCustomerUseCase,
    private readonly clock: Clock,
    private readonly issueKey: IssueCustomerKeyUseCase,
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
    const customer = await this.registerCustomer.execute(body);
    const apiKey = await this.issueKey.execute(customer.id);
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
  @ApiOperation({ summary: "Add a phone line: 201 when added, 200 when it already was this customer's" })
  @ApiCreatedResponse({ type: CustomerResponse })
  @ApiOkResponse({ type: CustomerResponse, description: 'The number already belonged to this customer' })
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
    const { customer, added } = await this.addPhoneNumber.execute(customerId, body.number);
    void reply.status(added ? 201 : 200);
    return CustomerResponse.of(customer, this.clock.now());
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
