export { InvoiceDeliveryModule } from './invoice-delivery.module';
export { InvoiceOutboxModule } from './invoice-outbox.module';
