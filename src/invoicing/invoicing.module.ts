import { Module } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { AppConfiguration } from '../config';
import { CustomersModule } from '../customers/customers.module';
import { GetInvoiceQuery } from './application/get-invoice.query';
import { InvoiceEvents } from './application/invoice-events.port';
import { InvoiceIssuer } from './application/invoice-issuer';
import { InvoiceRepository } from './application/invoice.repository';
import { IssuedInvoicesOutbox, NoOutbox } from './application/issued-invoices-outbox.port';
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
import { MikroOrmIssuedInvoicesOutbox } from './infrastructure/mikro-orm-issued-invoices-outbox';
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
    {
      provide: IssuedInvoicesOutbox,
      inject: [AppConfiguration],
      useFactory: (config: AppConfiguration) =>
        config.SMTP_URL || config.INVOICE_WEBHOOK_URL
          ? new MikroOrmIssuedInvoicesOutbox(config)
          : new NoOutbox(),
    },
    MonthlyInvoicingScheduler,
  ],
  exports: [GetInvoiceQuery, RepairCallPeriodsUseCase],
})
export class InvoicingModule {}
