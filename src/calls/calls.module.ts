import { Module } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CustomersModule } from '../customers/customers.module';
import { CallHistory } from './application/call-history.read-model';
import { CallRepository } from './application/call.repository';
import { GetCallHistoryQuery } from './application/get-call-history.query';
import { InvoiceCalls } from './application/invoice-calls.read-model';
import { ListInvoiceCallsQuery } from './application/list-invoice-calls.query';
import { RecordCallsUseCase } from './application/record-calls.use-case';
import { RecordSingleCallUseCase } from './application/record-single-call.use-case';
import { CallsController } from './http/calls.controller';
import { MikroOrmCallHistory } from './infrastructure/mikro-orm-call-history.read-model';
import { MikroOrmCallRepository } from './infrastructure/mikro-orm-call.repository';
import { MikroOrmInvoiceCalls } from './infrastructure/mikro-orm-invoice-calls.read-model';

@Module({
  imports: [CustomersModule, BillingPlansModule],
  controllers: [CallsController],
  providers: [
    // Use cases
    RecordCallsUseCase,
    RecordSingleCallUseCase,
    GetCallHistoryQuery,
    ListInvoiceCallsQuery,
    // Adapters
    { provide: CallRepository, useClass: MikroOrmCallRepository },
    { provide: CallHistory, useClass: MikroOrmCallHistory },
    { provide: InvoiceCalls, useClass: MikroOrmInvoiceCalls },
  ],
  exports: [GetCallHistoryQuery, ListInvoiceCallsQuery],
})
export class CallsModule {}
