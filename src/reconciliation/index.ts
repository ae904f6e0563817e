export { SuspenseLedger, type SuspenseMonthTotals } from './application/suspense-ledger.port';
export { NotBillableLedger, type NotBillableMonthTotals } from './application/not-billable-ledger.port';
export type { UtcMonthRange } from './application/reconciliation-month';
