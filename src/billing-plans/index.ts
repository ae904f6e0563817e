export { BillingPlansModule } from './billing-plans.module';
export { PlanCatalog } from './domain/plan-catalog';
export type {
  BillingPlan,
  DestinationAt,
  InvoiceLineDraft,
  InvoiceLineKind,
  PrepaidBalance,
  UsageGroup,
} from './domain/billing-plan';
export { NoRateForDestinationError } from './domain/billing-plan.errors';
export type { CallRate, CallRating, CallToRate } from './domain/call-rating';
export type { RatedUsage } from './domain/rated-usage';
export { loadPlanCatalog } from './infrastructure/plan-catalog.loader';
