export { CallsModule } from './calls.module';
export { GetCallHistoryQuery } from './application/get-call-history.query';
export type { CallView } from './application/call-history.read-model';
export { ListInvoiceCallsQuery } from './application/list-invoice-calls.query';
export type {
  InvoiceCallsScope,
  InvoiceCallsSummary,
  InvoiceCallView,
} from './application/invoice-calls.read-model';
