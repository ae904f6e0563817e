export { BillingPlansModule } from './billing-plans.module';
export { PlanCatalog } from './domain/plan-catalog';
export type {
  BillingPlan,
  CallRating,
  InvoiceLineDraft,
  InvoiceLineKind,
  UsageGroup,
} from './domain/billing-plan';
export { loadPlanCatalog } from './infrastructure/plan-catalog.loader';
export { PrepaidPlan } from './domain/prepaid.plan';
