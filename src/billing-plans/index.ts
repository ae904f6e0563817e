export { BillingPlansModule } from './billing-plans.module';
export { PlanCatalog, PLAN_CODE_PATTERN } from './domain/plan-catalog';
export type {
  BillingPlan,
  CallRating,
  InvoiceLineDraft,
  InvoiceLineKind,
  UsageGroup,
} from './domain/billing-plan';
export { UnknownPlanError } from './domain/billing-plan.errors';
export { loadPlanCatalog } from './infrastructure/plan-catalog.loader';
export { PrepaidPlan } from './domain/prepaid.plan';
