export { SuspenseModule } from './suspense.module';
export { SuspenseStoreModule } from './suspense-store.module';
export { StartUpRetry } from './infrastructure/start-up-retry';
export type { SuspendedCall, SuspenseReason, SuspenseStatus } from './domain/suspended-call';
