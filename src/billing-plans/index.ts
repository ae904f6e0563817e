export { BillingPlansModule } from './billing-plans.module';
export { PlanCatalog, PLAN_CODE_PATTERN } from './domain/plan-catalog';
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
export { UnknownPlanError } from './domain/billing-plan.errors';
export { loadPlanCatalog } from './infrastructure/plan-catalog.loader';
export { billedMinutes, minutesText } from './domain/rated-usage';
export { DEFAULT_RATE_GROUP } from './domain/call-rating';
