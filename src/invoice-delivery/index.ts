export { InvoiceDeliveryModule } from './invoice-delivery.module';
export { InvoiceOutboxModule } from './invoice-outbox.module';
export { RenderInvoicePdfQuery, type InvoicePdf } from './application/render-invoice-pdf.query';
