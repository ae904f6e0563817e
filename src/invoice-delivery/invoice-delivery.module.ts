import { DynamicModule, Module } from '@nestjs/common';
import { InvoiceCallsModule } from '../calls';
import { CustomersModule } from '../customers';
import { PrepaidModule } from '../prepaid';
import { DeliveryJobRepository } from './application/delivery-job.repository';
import { DispatchInvoiceDeliveriesUseCase } from './application/dispatch-invoice-deliveries.use-case';
import { InvoicePdfRenderer } from './application/invoice-pdf-renderer.port';
import { ListInvoiceDeliveriesQuery } from './application/list-invoice-deliveries.query';
import { RenderInvoicePdfQuery } from './application/render-invoice-pdf.query';
import { InvoiceDeliveryController } from './http/invoice-delivery.controller';
import { InvoiceDeliveryDispatcher } from './infrastructure/invoice-delivery.dispatcher';
import { MikroOrmDeliveryJobRepository } from './infrastructure/mikro-orm-delivery-job.repository';
import { PdfkitInvoicePdfRenderer } from './infrastructure/pdfkit-invoice-pdf.renderer';
import { InvoiceOutboxModule } from './invoice-outbox.module';

/**
 * Invoice delivery: the invoicing module writes the outbox rows through `InvoiceOutboxModule` when
 * it issues an invoice; this module sends them through the channels that are on (email with the
 * PDF, signed webhook) and serves the PDF and the delivery log.
 */
@Module({
  imports: [CustomersModule, InvoiceCallsModule, PrepaidModule, InvoiceOutboxModule],
  controllers: [InvoiceDeliveryController],
  providers: [
    // Use cases
    DispatchInvoiceDeliveriesUseCase,
    RenderInvoicePdfQuery,
    ListInvoiceDeliveriesQuery,
    // Adapters
    { provide: DeliveryJobRepository, useClass: MikroOrmDeliveryJobRepository },
    { provide: InvoicePdfRenderer, useClass: PdfkitInvoicePdfRenderer },
    InvoiceDeliveryDispatcher,
  ],
  exports: [RenderInvoicePdfQuery],
})
export class InvoiceDeliveryModule {
  /**
   * `invoicing`: the invoicing module as the application wired it (`InvoicingModule.forRoot(...)`),
   * whose invoices this module reads: the same instance, not a second one.
   */
  static forRoot(options: { invoicing: DynamicModule }): DynamicModule {
    return { module: InvoiceDeliveryModule, imports: [options.invoicing] };
  }
}
