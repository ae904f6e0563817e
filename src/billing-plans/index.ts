export { BillingPlansModule } from './billing-plans.module';
export { PlanCatalog } from './domain/plan-catalog';
export type {
  BillingPlan,
  DestinationAt,
  InvoiceLineDraft,
  InvoiceLineKind,
  PrepaidBalance,
  RatedUsage,
  UsageGroup,
} from './domain/billing-plan';
export { NoRateForDestinationError } from './domain/billing-plan.errors';
export type { CallRate, CallRating, CallToRate } from './domain/call-rating';
export { loadPlanCatalog } from './infrastructure/plan-catalog.loader';
