export { InvoiceDeliveryModule } from './invoice-delivery.module';
export { InvoiceOutboxModule } from './invoice-outbox.module';
export { BalanceAlertsOutboxModule } from './balance-alerts-outbox.module';
export { CHANNELS_OF_KIND, DELIVERY_CHANNELS } from './domain/delivery';
export { RenderInvoicePdfQuery, type InvoicePdf } from './application/render-invoice-pdf.query';
