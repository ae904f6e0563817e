import { Global, Module } from '@nestjs/common';
import { CallSuspense } from '../calls';
import { SuspendedCallCount } from '../metrics';
import { SuspenseLedger } from '../reconciliation';
import { SuspendedCallRepository } from './application/suspended-call.repository';
import { MikroOrmSuspendedCallRepository } from './infrastructure/mikro-orm-suspended-call.repository';
import {
  SuspendedCallsCallSuspense,
  SuspendedCallsCount,
  SuspendedCallsLedger,
} from './infrastructure/suspense-adapters';

/**
 * The held calls' table and the ports other modules read it through: calls holds records
 * (`CallSuspense`, given to `CallsModule.forRoot`), metrics counts them (`SuspendedCallCount`),
 * reconciliation totals a month (`SuspenseLedger`). Global: metrics and reconciliation read it
 * without importing suspense, which imports calls.
 */
@Global()
@Module({
  providers: [
    MikroOrmSuspendedCallRepository,
    { provide: SuspendedCallRepository, useExisting: MikroOrmSuspendedCallRepository },
    { provide: CallSuspense, useClass: SuspendedCallsCallSuspense },
    { provide: SuspendedCallCount, useClass: SuspendedCallsCount },
    { provide: SuspenseLedger, useClass: SuspendedCallsLedger },
  ],
  exports: [SuspendedCallRepository, CallSuspense, SuspendedCallCount, SuspenseLedger],
})
export class SuspenseStoreModule {}
