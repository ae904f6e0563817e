import { Module } from '@nestjs/common';
import { AppConfiguration } from '../config';
import { CustomersModule } from '../customers';
import { InvoicingModule } from '../invoicing';
import { DeliveryJobRepository } from './application/delivery-job.repository';
import { DispatchInvoiceDeliveriesUseCase } from './application/dispatch-invoice-deliveries.use-case';
import { EmailSender } from './application/email-sender.port';
import { InvoicePdfRenderer } from './application/invoice-pdf-renderer.port';
import { ListInvoiceDeliveriesQuery } from './application/list-invoice-deliveries.query';
import { RenderInvoicePdfQuery } from './application/render-invoice-pdf.query';
import { WebhookSender } from './application/webhook-sender.port';
import { InvoiceDeliveryController } from './http/invoice-delivery.controller';
import { DisabledWebhookSender, FetchWebhookSender } from './infrastructure/fetch-webhook.sender';
import { InvoiceDeliveryDispatcher } from './infrastructure/invoice-delivery.dispatcher';
import { MikroOrmDeliveryJobRepository } from './infrastructure/mikro-orm-delivery-job.repository';
import { DisabledEmailSender, NodemailerEmailSender } from './infrastructure/nodemailer-email.sender';
import { PdfkitInvoicePdfRenderer } from './infrastructure/pdfkit-invoice-pdf.renderer';

/**
 * Invoice delivery: the invoicing module writes the outbox rows when it issues an invoice; this
 * module sends them (email with the PDF, signed webhook) and serves the PDF and the delivery log.
 */
@Module({
  imports: [InvoicingModule, CustomersModule],
  controllers: [InvoiceDeliveryController],
  providers: [
    // Use cases
    DispatchInvoiceDeliveriesUseCase,
    RenderInvoicePdfQuery,
    ListInvoiceDeliveriesQuery,
    // Adapters
    { provide: DeliveryJobRepository, useClass: MikroOrmDeliveryJobRepository },
    { provide: InvoicePdfRenderer, useClass: PdfkitInvoicePdfRenderer },
    {
      provide: EmailSender,
      inject: [AppConfiguration],
      useFactory: (config: AppConfiguration) =>
        config.SMTP_URL ? new NodemailerEmailSender(config) : new DisabledEmailSender(),
    },
    {
      provide: WebhookSender,
      inject: [AppConfiguration],
      useFactory: (config: AppConfiguration) =>
        config.INVOICE_WEBHOOK_URL ? new FetchWebhookSender(config) : new DisabledWebhookSender(),
    },
    InvoiceDeliveryDispatcher,
  ],
})
export class InvoiceDeliveryModule {}
