export { InvoiceDeliveryModule } from './invoice-delivery.module';
export { InvoiceOutboxModule } from './invoice-outbox.module';
export { DELIVERY_CHANNELS } from './domain/delivery';
export { RenderInvoicePdfQuery, type InvoicePdf } from './application/render-invoice-pdf.query';
