export { PrepaidModule } from './prepaid.module';
export { GetBalanceQuery, type BalanceView } from './application/get-balance.query';
export {
  GetPrepaidStatementQuery,
  type PrepaidStatement,
  type PrepaidStatementRequest,
} from './application/get-prepaid-statement.query';
