import { DynamicModule, Module, Type } from '@nestjs/common';
import { RecordedCallsLedgerModule } from '../calls';
import { InvoicedPeriodsModule } from '../invoicing';
import { ReconcileMonthQuery } from './application/reconcile-month.query';
import { ReconciliationController } from './http/reconciliation.controller';

/**
 * The month's accounts, from the ledgers of the modules that own the rows (it has no table): the
 * calls (`RecordedCallsLedgerModule`), what invoicing billed (`InvoicedPeriodsModule`), and the
 * suspense and not-billable records, whose modules are given to `forRoot`.
 */
@Module({
  imports: [RecordedCallsLedgerModule, InvoicedPeriodsModule],
  controllers: [ReconciliationController],
  providers: [ReconcileMonthQuery],
})
export class ReconciliationModule {
  /**
   * `ledgers`: the modules that provide and export the `SuspenseLedger` and `NotBillableLedger`
   * ports (suspense's and CDR files').
   */
  static forRoot(options: { ledgers: (Type | DynamicModule)[] }): DynamicModule {
    return { module: ReconciliationModule, imports: options.ledgers };
  }
}
