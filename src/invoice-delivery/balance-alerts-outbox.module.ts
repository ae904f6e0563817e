import { Global, Module } from '@nestjs/common';
import { BalanceAlerts } from '../prepaid';
import { MikroOrmBalanceAlertsOutbox } from './infrastructure/mikro-orm-balance-alerts-outbox';
import { InvoiceOutboxModule } from './invoice-outbox.module';

/**
 * Where the prepaid module's `BalanceAlerts` port queues `balance.low` events: this module's outbox.
 * Global, imported once by the application: every module that draws from balances imports the
 * prepaid module, which invoice delivery imports, so neither can import the other.
 */
@Global()
@Module({
  imports: [InvoiceOutboxModule],
  providers: [{ provide: BalanceAlerts, useClass: MikroOrmBalanceAlertsOutbox }],
  exports: [BalanceAlerts],
})
export class BalanceAlertsOutboxModule {}
