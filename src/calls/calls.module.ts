import { DynamicModule, Module, Type } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CustomersModule } from '../customers/customers.module';
import { PrepaidModule } from '../prepaid/prepaid.module';
import { CallHistory } from './application/call-history.read-model';
import { CallRater } from './application/call-rater';
import { CallRepository } from './application/call.repository';
import { GetCallHistoryQuery } from './application/get-call-history.query';
import { HoldUnchargeableCalls } from './application/hold-unchargeable-calls';
import { RecordHeldCallsUseCase } from './application/record-held-calls.use-case';
import { RecordCallsUseCase } from './application/record-calls.use-case';
import { RecordSingleCallUseCase } from './application/record-single-call.use-case';
import { StoreRatedCalls } from './application/store-rated-calls';
import { CallsController } from './http/calls.controller';
import { MikroOrmCallHistory } from './infrastructure/mikro-orm-call-history.read-model';
import { MikroOrmCallRepository } from './infrastructure/mikro-orm-call.repository';

@Module({
  imports: [CustomersModule, BillingPlansModule, PrepaidModule],
  controllers: [CallsController],
  providers: [
    // Use cases
    RecordCallsUseCase,
    RecordSingleCallUseCase,
    RecordHeldCallsUseCase,
    CallRater,
    HoldUnchargeableCalls,
    StoreRatedCalls,
    GetCallHistoryQuery,
    // Adapters
    { provide: CallRepository, useClass: MikroOrmCallRepository },
    { provide: CallHistory, useClass: MikroOrmCallHistory },
  ],
  exports: [GetCallHistoryQuery, RecordCallsUseCase, RecordHeldCallsUseCase],
})
export class CallsModule {
  /**
   * `invoicedPeriods`: the module that provides and exports the `InvoicedPeriods` port recording
   * asks about closing periods (invoicing's `InvoicedPeriodsModule`), given here so that calls never
   * imports invoicing, which reads calls through `BillableCallsModule`. `suspense`: the module that
   * provides and exports the `CallSuspense` port (suspense's `SuspenseStoreModule`), given the same
   * way since suspense records held calls through calls.
   */
  static forRoot(options: { invoicedPeriods: Type; suspense: Type }): DynamicModule {
    return { module: CallsModule, imports: [options.invoicedPeriods, options.suspense] };
  }
}
