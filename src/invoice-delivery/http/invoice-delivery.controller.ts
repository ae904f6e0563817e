import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, OwnedByCaller, ownCustomerOf } from '../../auth';
import { InvoiceNotFoundError } from '../../invoicing';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { ListInvoiceDeliveriesQuery } from '../application/list-invoice-deliveries.query';
import { RenderInvoicePdfQuery } from '../application/render-invoice-pdf.query';
import { InvoiceDeliveriesResponse, InvoiceDeliveryResponse } from './dto/invoice-delivery.response';

@ApiTags('invoices')
@Controller()
export class InvoiceDeliveryController {
  constructor(
    private readonly renderPdf: RenderInvoicePdfQuery,
    private readonly listDeliveries: ListInvoiceDeliveriesQuery,
  ) {}

  @Get('v1/invoices/:invoiceId/pdf')
  @OwnedByCaller()
  @ApiOperation({
    summary: 'The invoice as a PDF, with its itemised calls',
    description:
      'Issuer (INVOICE_ISSUER_*), customer and billing address, invoice and due dates, period in the ' +
      'customer time zone, the lines and total with currency, for prepaid the balance before and after, ' +
      'then every billed call (date and time in the customer zone, line, destination, duration, charge) ' +
      'over as many pages as needed, numbered "n / N". The same bytes every time for one invoice ' +
      '(the email attaches this same file).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF',
    // About 60 bytes per itemised call plus ~60 KB (the font subset): 10,000 calls are ~0.6 MB.
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary', maxLength: 268_435_456 } } },
  })
  @ApiProblems(new InvoiceNotFoundError(EXAMPLE_UUID))
  async pdf(
    @Param('invoiceId', new UuidParamPipe('invoiceId')) invoiceId: string,
    @NoQuery() _query: void,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.renderPdf.execute(invoiceId, ownCustomerOf(caller));
    void reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `inline; filename="${pdf.filename}"`);
    return pdf.content;
  }

  @Get('v1/invoices/:invoiceId/deliveries')
  @OwnedByCaller()
  @ApiOperation({
    summary: "The invoice's deliveries by email and webhook, with their attempts",
    description:
      'One entry per channel configured when the invoice was issued (email only for a customer with an ' +
      'email address). Failed attempts are retried with exponential backoff from DELIVERY_RETRY_BASE_MS ' +
      'for up to DELIVERY_MAX_ATTEMPTS tries; then the delivery stays failed.',
  })
  @ApiOkResponse({ type: InvoiceDeliveriesResponse })
  @ApiProblems(new InvoiceNotFoundError(EXAMPLE_UUID))
  async deliveries(
    @Param('invoiceId', new UuidParamPipe('invoiceId')) invoiceId: string,
    @NoQuery() _query: void,
    @CurrentCaller() caller: Caller,
  ): Promise<InvoiceDeliveriesResponse> {
    const deliveries = await this.listDeliveries.execute(invoiceId, ownCustomerOf(caller));
    return { data: deliveries.map((delivery) => InvoiceDeliveryResponse.of(delivery)) };
  }
}
