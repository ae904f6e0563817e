/** Port: which plan codes exist (the billing-plans catalog) and which one new customers get. */
export abstract class PlanCodes {
  abstract defaultPlan(): string;
  /** Throws UnknownPlanError for a code the catalog does not have. */
  abstract assertExists(code: string): void;
  /** Every code of the catalog. */
  abstract all(): string[];
  /** Where the catalog comes from, for messages: its file, or the built-in catalog. */
  abstract source(): string;
}
