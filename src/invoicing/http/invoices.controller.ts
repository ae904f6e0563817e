import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type Caller,
  CurrentCaller,
  CustomerScoped,
  OperatorOnly,
  OwnedByCaller,
  ownCustomerOf,
} from '../../auth';
import { CustomerNotFoundError } from '../../customers';
import { InvalidPeriodError } from '../../shared/domain/shared.errors';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import { InvalidCursorError } from '../../shared/pagination/page';
import { InvoiceNotFoundError, NotDueAnInvoiceError, PeriodNotClosedError } from '../domain/invoicing.errors';
import { PageQueryDto } from '../../shared/http/page-query.dto';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { GetInvoiceQuery } from '../application/get-invoice.query';
import { ListBilledCallsQuery } from '../application/list-billed-calls.query';
import { IssueInvoiceUseCase } from '../application/issue-invoice.use-case';
import { ListInvoicesQuery } from '../application/list-invoices.query';
import { PreviewUpcomingInvoiceQuery } from '../application/preview-upcoming-invoice.query';
import { RunMonthlyInvoicingUseCase } from '../application/run-monthly-invoicing.use-case';
import { BILLED_CALL_EXAMPLE, BilledCallPageResponse } from './dto/billed-call.response';
import { InvoicePageResponse, InvoiceResponse, InvoicingRunResponse } from './dto/invoice.response';
import { InvoicingRunDto, IssueInvoiceDto } from './dto/period.dto';

@ApiTags('invoices')
@Controller()
export class InvoicesController {
  constructor(
    private readonly issueInvoice: IssueInvoiceUseCase,
    private readonly runInvoicing: RunMonthlyInvoicingUseCase,
    private readonly previewUpcoming: PreviewUpcomingInvoiceQuery,
    private readonly getInvoice: GetInvoiceQuery,
    private readonly listInvoices: ListInvoicesQuery,
    private readonly listBilledCalls: ListBilledCallsQuery,
  ) {}

  @Get('v1/customers/:customerId/invoices/upcoming')
  @CustomerScoped('customerId')
  @ApiOperation({ summary: 'Preview the open period\'s invoice so far (status "upcoming"; nothing stored)' })
  @ApiOkResponse({ type: InvoiceResponse })
  async upcoming(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
  ): Promise<InvoiceResponse> {
    return InvoiceResponse.of(await this.previewUpcoming.execute(customerId));
  }

  @Post('v1/customers/:customerId/invoices')
  @OperatorOnly()
  @ApiOperation({ summary: 'Issue the invoice of a closed period (operator): 201 new, 200 already issued' })
  @ApiCreatedResponse({ type: InvoiceResponse })
  @ApiOkResponse({ type: InvoiceResponse, description: 'The invoice already existed' })
  @ApiProblems(
    new InvalidPeriodError('2026-9'),
    new CustomerNotFoundError(EXAMPLE_UUID),
    new PeriodNotClosedError('2026-11'),
    new NotDueAnInvoiceError('2026-08'),
  )
  async issue(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: IssueInvoiceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceResponse> {
    const { invoice, created } = await this.issueInvoice.execute(customerId, body.period);
    void reply.status(created ? 201 : 200);
    return InvoiceResponse.of(invoice);
  }

  @Get('v1/customers/:customerId/invoices')
  @CustomerScoped('customerId')
  @ApiOperation({ summary: "A customer's invoices, newest period first" })
  @ApiOkResponse({ type: InvoicePageResponse })
  @ApiProblems(new InvalidCursorError())
  async list(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @Query() query: PageQueryDto,
  ): Promise<InvoicePageResponse> {
    const page = await this.listInvoices.execute(customerId, {
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { data: page.data.map((invoice) => InvoiceResponse.of(invoice)), nextCursor: page.nextCursor };
  }

  @Get('v1/invoices/:invoiceId')
  @OwnedByCaller()
  @ApiOperation({ summary: 'Read one invoice' })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiProblems(new InvoiceNotFoundError(EXAMPLE_UUID))
  async get(
    @Param('invoiceId', new UuidParamPipe('invoiceId')) invoiceId: string,
    @NoQuery() _query: void,
    @CurrentCaller() caller: Caller,
  ): Promise<InvoiceResponse> {
    return InvoiceResponse.of(await this.getInvoice.execute(invoiceId, ownCustomerOf(caller)));
  }

  @Get('v1/invoices/:invoiceId/calls')
  @OwnedByCaller()
  @ApiOperation({
    summary: 'The calls an invoice billed, oldest first',
    description:
      "The invoice's own period's calls and the late calls of earlier periods it billed (`late: true`): " +
      'every call behind its lines, charges exact (before the invoice rounds its lines).',
  })
  @ApiOkResponse({ type: BilledCallPageResponse, example: { data: [BILLED_CALL_EXAMPLE], nextCursor: null } })
  @ApiProblems(new InvoiceNotFoundError(EXAMPLE_UUID), new InvalidCursorError())
  async calls(
    @Param('invoiceId', new UuidParamPipe('invoiceId')) invoiceId: string,
    @Query() query: PageQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<BilledCallPageResponse> {
    return this.listBilledCalls.execute(invoiceId, ownCustomerOf(caller), {
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
  }

  @Post('v1/invoicing/runs')
  @OperatorOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run monthly invoicing now (operator); the same use case the scheduler fires',
    description: "Without period, each customer's own last closed period is used and period is null.",
  })
  @ApiOkResponse({ type: InvoicingRunResponse })
  @ApiProblems(new InvalidPeriodError('2026-9'))
  async run(@NoQuery() _query: void, @Body() body: InvoicingRunDto): Promise<InvoicingRunResponse> {
    return this.runInvoicing.execute(body?.period ?? null);
  }
}
