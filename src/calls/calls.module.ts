import { DynamicModule, Module, Type } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CustomersModule } from '../customers/customers.module';
import { PrepaidModule } from '../prepaid/prepaid.module';
import { CallHistory } from './application/call-history.read-model';
import { CallRepository } from './application/call.repository';
import { GetCallHistoryQuery } from './application/get-call-history.query';
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
    StoreRatedCalls,
    GetCallHistoryQuery,
    // Adapters
    { provide: CallRepository, useClass: MikroOrmCallRepository },
    { provide: CallHistory, useClass: MikroOrmCallHistory },
  ],
  exports: [GetCallHistoryQuery, RecordCallsUseCase],
})
export class CallsModule {
  /**
   * `invoicedPeriods`: the module that provides and exports the `InvoicedPeriods` port recording
   * asks about closing periods (invoicing's `InvoicedPeriodsModule`), given here so that calls never
   * imports invoicing, which reads calls through `BillableCallsModule`.
   */
  static forRoot(options: { invoicedPeriods: Type }): DynamicModule {
    return { module: CallsModule, imports: [options.invoicedPeriods] };
  }
}
