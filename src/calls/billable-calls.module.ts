import { Module } from '@nestjs/common';
import { BillableCalls } from './application/billable-calls.port';
import { CallPeriodRecords } from './application/call-period-records.port';
import { MikroOrmBillableCalls } from './infrastructure/mikro-orm-billable-calls';
import { MikroOrmCallPeriodRecords } from './infrastructure/mikro-orm-call-period-records';

/**
 * The calls table as the invoicing module uses it (usage, late-call claims, the period repair's
 * reads and writes): calls' own adapters behind calls' own ports. It imports no module, so
 * invoicing can import it while calls asks invoicing whether a period is invoiced (through the
 * `InvoicedPeriods` port that app.module.ts plugs into `CallsModule`): no cycle.
 */
@Module({
  providers: [
    { provide: BillableCalls, useClass: MikroOrmBillableCalls },
    { provide: CallPeriodRecords, useClass: MikroOrmCallPeriodRecords },
  ],
  exports: [BillableCalls, CallPeriodRecords],
})
export class BillableCallsModule {}
