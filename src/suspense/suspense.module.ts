import { DynamicModule, Module } from '@nestjs/common';
import { LineAssignments } from '../customers';
import { ListSuspendedCallsQuery } from './application/list-suspended-calls.query';
import { ReprocessSuspendedCallsUseCase } from './application/reprocess-suspended-calls.use-case';
import { RetryOnLineAssignment } from './application/retry-on-line-assignment';
import { RetrySuspendedCalls } from './application/retry-suspended-calls';
import { WriteOffSuspendedCallUseCase } from './application/write-off-suspended-call.use-case';
import { SuspendedCallsController } from './http/suspended-calls.controller';
import { StartUpRetry } from './infrastructure/start-up-retry';
import { SuspenseStoreModule } from './suspense-store.module';

/**
 * Suspense: the calls recording cannot charge yet, held (through `SuspenseStoreModule`), listed,
 * retried (on demand, when their line is assigned, at start for `no-rate`) and written off.
 * Global for the customers module's `LineAssignments` port (customers cannot import suspense).
 */
@Module({})
export class SuspenseModule {
  /** `calls`: the application's calls module (suspense records held calls through it). */
  static forRoot(options: { calls: DynamicModule }): DynamicModule {
    return {
      module: SuspenseModule,
      global: true,
      imports: [SuspenseStoreModule, options.calls],
      controllers: [SuspendedCallsController],
      providers: [
        // Use cases
        ListSuspendedCallsQuery,
        ReprocessSuspendedCallsUseCase,
        WriteOffSuspendedCallUseCase,
        RetrySuspendedCalls,
        { provide: LineAssignments, useClass: RetryOnLineAssignment },
        // Adapters
        StartUpRetry,
      ],
      exports: [LineAssignments, SuspenseStoreModule],
    };
  }
}
