import { DynamicModule, Module, Type } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CustomersModule } from '../customers/customers.module';
import { GetInvoiceQuery } from './application/get-invoice.query';
import { InvoiceEvents } from './application/invoice-events.port';
import { InvoiceIssuer } from './application/invoice-issuer';
import { InvoiceRepository } from './application/invoice.repository';
import { IssueInvoiceUseCase } from './application/issue-invoice.use-case';
import { ListInvoicesQuery } from './application/list-invoices.query';
import { CallPeriodRepairs } from './application/call-period-repairs.port';
import { PreviewUpcomingInvoiceQuery } from './application/preview-upcoming-invoice.query';
import { RepairCallPeriodsUseCase } from './application/repair-call-periods.use-case';
import { RunMonthlyInvoicingUseCase } from './application/run-monthly-invoicing.use-case';
import { InvoicesController } from './http/invoices.controller';
import { LoggingInvoiceEvents } from './infrastructure/logging-invoice-events.adapter';
import { MikroOrmCallPeriodRepairs } from './infrastructure/mikro-orm-call-period-repairs';
import { MikroOrmInvoiceRepository } from './infrastructure/mikro-orm-invoice.repository';
import { MonthlyInvoicingScheduler } from './infrastructure/monthly-invoicing.scheduler';

@Module({
  imports: [CustomersModule, BillingPlansModule],
  controllers: [InvoicesController],
  providers: [
    // Use cases
    IssueInvoiceUseCase,
    RunMonthlyInvoicingUseCase,
    PreviewUpcomingInvoiceQuery,
    GetInvoiceQuery,
    ListInvoicesQuery,
    InvoiceIssuer,
    RepairCallPeriodsUseCase,
    // Adapters
    { provide: InvoiceRepository, useClass: MikroOrmInvoiceRepository },
    { provide: CallPeriodRepairs, useClass: MikroOrmCallPeriodRepairs },
    { provide: InvoiceEvents, useClass: LoggingInvoiceEvents },
    MonthlyInvoicingScheduler,
  ],
  exports: [GetInvoiceQuery, ListInvoicesQuery, PreviewUpcomingInvoiceQuery, RepairCallPeriodsUseCase],
})
export class InvoicingModule {
  /**
   * `outbox`: the module that provides and exports the `IssuedInvoicesOutbox` issuing queues
   * deliveries through (invoice delivery's), given here so that invoicing never imports it.
   */
  static forRoot(options: { outbox: Type }): DynamicModule {
    return { module: InvoicingModule, imports: [options.outbox] };
  }
}
