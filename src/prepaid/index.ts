export { PrepaidModule } from './prepaid.module';
export { GetBalanceQuery, type BalanceView } from './application/get-balance.query';
