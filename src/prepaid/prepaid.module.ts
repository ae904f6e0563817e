import { Module } from '@nestjs/common';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CustomersModule } from '../customers/customers.module';
import { GetBalanceQuery } from './application/get-balance.query';
import { PrepaidCharges } from './application/prepaid-charges';
import { GetPrepaidStatementQuery } from './application/get-prepaid-statement.query';
import { PrepaidCustomer } from './application/prepaid-customer';
import { PrepaidLedgerRepository } from './application/prepaid-ledger.repository';
import { TopUpBalanceUseCase } from './application/top-up-balance.use-case';
import { PrepaidController } from './http/prepaid.controller';
import { MikroOrmPrepaidLedgerRepository } from './infrastructure/mikro-orm-prepaid-ledger.repository';

/**
 * Prepaid balances: top-ups and the balance the switch asks for. The only writer of the prepaid
 * ledger: calls draw from it and issued invoices credit it through `PrepaidCharges`.
 */
@Module({
  imports: [CustomersModule, BillingPlansModule],
  controllers: [PrepaidController],
  providers: [
    // Use cases
    TopUpBalanceUseCase,
    GetBalanceQuery,
    GetPrepaidStatementQuery,
    PrepaidCustomer,
    PrepaidCharges,
    // Adapters
    { provide: PrepaidLedgerRepository, useClass: MikroOrmPrepaidLedgerRepository },
  ],
  exports: [PrepaidCharges, GetBalanceQuery, GetPrepaidStatementQuery],
})
export class PrepaidModule {}
