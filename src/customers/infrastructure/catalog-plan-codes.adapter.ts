import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import { AppConfiguration } from '../../config';
import { PlanCodes } from '../application/plan-codes.port';

@Injectable()
export class CatalogPlanCodes extends PlanCodes {
  constructor(
    private readonly catalog: PlanCatalog,
    private readonly config: AppConfiguration,
  ) {
    super();
  }

  defaultPlan(): string {
    return this.catalog.defaultPlanCode;
  }

  assertExists(code: string): void {
    this.catalog.get(code);
  }

  all(): string[] {
    return this.catalog.codes();
  }

  source(): string {
    return this.config.BILLING_PLANS_FILE
      ? `BILLING_PLANS_FILE=${this.config.BILLING_PLANS_FILE}`
      : 'the built-in catalog (BILLING_PLANS_FILE is not set)';
  }
}
