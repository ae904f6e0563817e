import { Module } from '@nestjs/common';
import { InvoiceCalls } from './application/invoice-calls.read-model';
import { ListInvoiceCallsQuery } from './application/list-invoice-calls.query';
import { MikroOrmInvoiceCalls } from './infrastructure/mikro-orm-invoice-calls.read-model';

/**
 * The calls an invoice billed, as a read model of the calls table on its own: invoice delivery
 * (the PDF's annex) imports it without the recording side of `CallsModule`, whose set-up needs
 * invoicing's ports.
 */
@Module({
  providers: [ListInvoiceCallsQuery, { provide: InvoiceCalls, useClass: MikroOrmInvoiceCalls }],
  exports: [ListInvoiceCallsQuery],
})
export class InvoiceCallsModule {}
