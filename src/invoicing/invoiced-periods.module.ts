import { Module } from '@nestjs/common';
import { InvoicedPeriods } from '../calls';
import { MikroOrmInvoicedPeriods } from './infrastructure/mikro-orm-invoiced-periods';

/**
 * The calls module's `InvoicedPeriods` port, answered by invoicing from its own table. It imports no
 * module, so app.module.ts can plug it into `CallsModule.forRoot` while invoicing imports calls'
 * `BillableCallsModule`: no cycle.
 */
@Module({
  providers: [{ provide: InvoicedPeriods, useClass: MikroOrmInvoicedPeriods }],
  exports: [InvoicedPeriods],
})
export class InvoicedPeriodsModule {}
