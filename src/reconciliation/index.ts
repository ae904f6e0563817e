export { SuspenseLedger, type SuspenseMonthTotals } from './application/suspense-ledger.port';
export { NotBillableLedger, type NotBillableMonthTotals } from './application/not-billable-ledger.port';
export type { UtcMonthRange } from './application/reconciliation-month';
export { RecordedCallsLedger, type CustomerPeriodBounds } from './application/recorded-calls-ledger.port';
export type { PeriodCallTotals, RecordedCallGroup } from './domain/recorded-calls';
