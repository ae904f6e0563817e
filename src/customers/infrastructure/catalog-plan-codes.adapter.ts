import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import { PlanCodes } from '../application/plan-codes.port';

@Injectable()
export class CatalogPlanCodes extends PlanCodes {
  constructor(private readonly catalog: PlanCatalog) {
    super();
  }

  defaultPlan(): string {
    return this.catalog.defaultPlanCode;
  }

  assertExists(code: string): void {
    this.catalog.get(code);
  }
}
