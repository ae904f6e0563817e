import { Module } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CustomersModule } from '../customers/customers.module';
import { CallRepository } from './application/call.repository';
import { GetCallHistoryQuery } from './application/get-call-history.query';
import { RecordCallsUseCase } from './application/record-calls.use-case';
import { CallsController } from './http/calls.controller';
import { MikroOrmCallRepository } from './infrastructure/mikro-orm-call.repository';

@Module({
  imports: [CustomersModule, BillingPlansModule],
  controllers: [CallsController],
  providers: [
    // Use cases
    RecordCallsUseCase,
    GetCallHistoryQuery,
    // Adapters
    { provide: CallRepository, useClass: MikroOrmCallRepository },
  ],
})
export class CallsModule {}
