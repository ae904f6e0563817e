export { InvoicingModule } from './invoicing.module';
export { GetInvoiceQuery } from './application/get-invoice.query';
export { ListInvoicesQuery } from './application/list-invoices.query';
export { PreviewUpcomingInvoiceQuery } from './application/preview-upcoming-invoice.query';
export {
  RepairCallPeriodsUseCase,
  type CallPeriodRepairReport,
} from './application/repair-call-periods.use-case';
export { IssuedInvoicesOutbox, type IssuedInvoice } from './application/issued-invoices-outbox.port';
export type { Invoice, InvoiceLine } from './domain/invoice';
export { InvoiceNotFoundError } from './domain/invoicing.errors';
export { InvoiceResponse } from './http/dto/invoice.response';
