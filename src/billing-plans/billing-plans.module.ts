import { Module } from '@nestjs/common';
import { AppConfiguration } from '../config';
import { PlanCatalog } from './domain/plan-catalog';
import { PlansController } from './http/plans.controller';
import { loadPlanCatalog } from './infrastructure/plan-catalog.loader';

@Module({
  controllers: [PlansController],
  providers: [{ provide: PlanCatalog, useFactory: loadPlanCatalog, inject: [AppConfiguration] }],
  exports: [PlanCatalog],
})
export class BillingPlansModule {}
