export { BillingPlansModule } from './billing-plans.module';
export { PlanCatalog } from './domain/plan-catalog';
export type {
  BillingPlan,
  InvoiceLineDraft,
  InvoiceLineKind,
  PrepaidBalance,
  UsageGroup,
} from './domain/billing-plan';
export type { CallRate, CallRating, CallToRate } from './domain/call-rating';
export { loadPlanCatalog } from './infrastructure/plan-catalog.loader';
