import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { AddPhoneNumberUseCase } from './application/add-phone-number.use-case';
import { ChangePlanUseCase } from './application/change-plan.use-case';
import { CustomerDirectory } from './application/customer-directory';
import { CustomerRepository } from './application/customer.repository';
import { GetCustomerQuery } from './application/get-customer.query';
import { ListCustomersQuery } from './application/list-customers.query';
import { PatchCustomerUseCase } from './application/patch-customer.use-case';
import { PlanCodes } from './application/plan-codes.port';
import { RegisterCustomerUseCase } from './application/register-customer.use-case';
import { ReleasePhoneNumberUseCase } from './application/release-phone-number.use-case';
import { VerifyCatalogCoversCustomers } from './application/verify-catalog-covers-customers';
import { CustomersController } from './http/customers.controller';
import { CatalogPlanCodes } from './infrastructure/catalog-plan-codes.adapter';
import { MikroOrmCustomerRepository } from './infrastructure/mikro-orm-customer.repository';

/**
 * Releasing a line asks the calls module for its latest call through the `LineCalls` port, which
 * the calls module's `LineCallsModule` provides globally (app.module.ts imports it): no import cycle.
 */
@Module({
  imports: [BillingPlansModule, AuthModule],
  controllers: [CustomersController],
  providers: [
    // Use cases
    RegisterCustomerUseCase,
    GetCustomerQuery,
    ListCustomersQuery,
    AddPhoneNumberUseCase,
    ReleasePhoneNumberUseCase,
    ChangePlanUseCase,
    PatchCustomerUseCase,
    CustomerDirectory,
    VerifyCatalogCoversCustomers,
    // Adapters
    { provide: CustomerRepository, useClass: MikroOrmCustomerRepository },
    { provide: PlanCodes, useClass: CatalogPlanCodes },
  ],
  exports: [CustomerDirectory],
})
export class CustomersModule {}
