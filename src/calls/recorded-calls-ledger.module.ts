import { Module } from '@nestjs/common';
import { RecordedCallsLedger } from '../reconciliation';
import { MikroOrmRecordedCallsLedger } from './infrastructure/mikro-orm-recorded-calls-ledger';

/**
 * The calls table as the reconciliation counts it (its `RecordedCallsLedger` port). It imports no
 * module, so the reconciliation module can import it without the recording side of `CallsModule`.
 */
@Module({
  providers: [{ provide: RecordedCallsLedger, useClass: MikroOrmRecordedCallsLedger }],
  exports: [RecordedCallsLedger],
})
export class RecordedCallsLedgerModule {}
