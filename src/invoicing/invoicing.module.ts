import { DynamicModule, Module, Type } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { BillableCallsModule, InvoiceCallsModule } from '../calls';
import { CustomersModule } from '../customers/customers.module';
import { PrepaidModule } from '../prepaid/prepaid.module';
import { GetInvoiceQuery } from './application/get-invoice.query';
import { InvoiceEvents } from './application/invoice-events.port';
import { InvoiceRepository } from './application/invoice.repository';
import { IssueInvoiceUseCase } from './application/issue-invoice.use-case';
import { IssueInvoices } from './application/issue-invoices';
import { ListBilledCallsQuery } from './application/list-billed-calls.query';
import { ListInvoicesQuery } from './application/list-invoices.query';
import { MissingInvoicePeriods } from './application/missing-invoice-periods';
import { PreviewUpcomingInvoiceQuery } from './application/preview-upcoming-invoice.query';
import { RepairCallPeriodsUseCase } from './application/repair-call-periods.use-case';
import { RunMonthlyInvoicingUseCase } from './application/run-monthly-invoicing.use-case';
import { InvoicesController } from './http/invoices.controller';
import { LoggingInvoiceEvents } from './infrastructure/logging-invoice-events.adapter';
import { MikroOrmInvoiceRepository } from './infrastructure/mikro-orm-invoice.repository';
import { MonthlyInvoicingScheduler } from './infrastructure/monthly-invoicing.scheduler';

/**
 * Invoices: issuing (on demand and the monthly run, one sequence: `IssueInvoices`), reading, the
 * preview and the period repair. It reads calls through calls' `BillableCallsModule`, credits
 * prepaid balances through `PrepaidCharges` and queues deliveries through the `IssuedInvoicesOutbox`
 * given to `forRoot`, all in the issuing unit of work.
 */
@Module({
  imports: [CustomersModule, BillingPlansModule, BillableCallsModule, InvoiceCallsModule, PrepaidModule],
  controllers: [InvoicesController],
  providers: [
    // Use cases
    IssueInvoiceUseCase,
    RunMonthlyInvoicingUseCase,
    PreviewUpcomingInvoiceQuery,
    GetInvoiceQuery,
    ListInvoicesQuery,
    ListBilledCallsQuery,
    RepairCallPeriodsUseCase,
    IssueInvoices,
    MissingInvoicePeriods,
    // Adapters
    { provide: InvoiceRepository, useClass: MikroOrmInvoiceRepository },
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
