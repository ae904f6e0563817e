export { CallsModule } from './calls.module';
export { admitCallBatchesInTurn } from './http/call-batch-admission';
export { BillableCallsModule } from './billable-calls.module';
export { LineCallsModule } from './line-calls.module';
export { InvoiceCallsModule } from './invoice-calls.module';
export { RecordedCallsLedgerModule } from './recorded-calls-ledger.module';
export {
  BillableCalls,
  type BillingTarget,
  type CallCharges,
  type CallsBefore,
  type LateCallClaim,
} from './application/billable-calls.port';
export {
  CallPeriodRecords,
  type CallInWindow,
  type CallPeriodUpdate,
  type PeriodWindow,
  type StoredCallPeriod,
  type WindowGroup,
} from './application/call-period-records.port';
export {
  InvoicedPeriods,
  type CustomerPeriod,
  type IssuedPeriodInvoice,
} from './application/invoiced-periods.port';
export { GetCallHistoryQuery } from './application/get-call-history.query';
export type { CallView } from './application/call-history.read-model';
export { ListInvoiceCallsQuery } from './application/list-invoice-calls.query';
export type {
  InvoiceCallsScope,
  InvoiceCallsSummary,
  InvoiceCallView,
} from './application/invoice-calls.read-model';
export { CallResponse, POSTPAID_CALL_EXAMPLE } from './http/dto/call.response';
export { RecordCallsUseCase, type CallOutcome } from './application/record-calls.use-case';
export { RecordHeldCallsUseCase, type HeldCallRetry } from './application/record-held-calls.use-case';
export {
  API_SOURCE,
  CallSuspense,
  type CallRecordSource,
  type CallToHold,
  type HeldCall,
  type SuspenseReason,
} from './application/call-suspense.port';
export type { CallRecord } from './domain/call-record';
