export { PrepaidModule } from './prepaid.module';
export { PrepaidCharges, type PrepaidCallDebit } from './application/prepaid-charges';
export type { InvoiceCredit } from './application/prepaid-ledger.repository';
export type { CallDebit } from './domain/balance-drawdown';
export { BalanceAlerts, type LowBalanceAlert } from './application/balance-alerts.port';
export { GetBalanceQuery, type BalanceView } from './application/get-balance.query';
export {
  GetPrepaidStatementQuery,
  type PrepaidStatement,
  type PrepaidStatementRequest,
} from './application/get-prepaid-statement.query';
