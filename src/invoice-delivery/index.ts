export { InvoiceDeliveryModule } from './invoice-delivery.module';
