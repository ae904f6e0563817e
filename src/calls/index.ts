export { CallsModule } from './calls.module';
export { GetCallHistoryQuery } from './application/get-call-history.query';
export type { CallView } from './application/call-history.read-model';
