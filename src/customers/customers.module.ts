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
import { VerifyCatalogCoversCustomers } from './application/verify-catalog-covers-customers';
import { CustomersController } from './http/customers.controller';
import { CatalogPlanCodes } from './infrastructure/catalog-plan-codes.adapter';
import { MikroOrmCustomerRepository } from './infrastructure/mikro-orm-customer.repository';

@Module({
  imports: [BillingPlansModule, AuthModule],
  controllers: [CustomersController],
  providers: [
    // Use cases
    RegisterCustomerUseCase,
    GetCustomerQuery,
    ListCustomersQuery,
    AddPhoneNumberUseCase,
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
