import type { BillingPlan } from './billing-plan';
import {
  InvalidPlanCatalogError,
  PlanMissingFromCatalogError,
  UnknownPlanError,
} from './billing-plan.errors';
import { DeckFiles, type DeckFileReader } from './deck-files';
import { PlanSettingsReader } from './plan-settings.reader';
import { PLAN_TYPES, type PlanTypes } from './plan-types.registry';

/** The built-in catalog, used when `BILLING_PLANS_FILE` is not set. */
export const DEFAULT_PLAN_CATALOG = {
  postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
  prepaid: { type: 'prepaid', ratePerMinute: '0.02', currency: 'USD' },
  flat: {
    type: 'flat',
    monthlyFee: '20.00',
    includedMinutes: null,
    overageRatePerMinute: '0.02',
    currency: 'USD',
  },
};

export const PLAN_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The plans customers can be on, by code, and the one new customers get. */
export class PlanCatalog {
  private readonly plans: Map<string, BillingPlan>;

  private constructor(
    plans: BillingPlan[],
    readonly defaultPlanCode: string,
  ) {
    this.plans = new Map(plans.map((plan) => [plan.code, plan]));
  }

  /**
   * Builds and validates the catalog from its configuration (parsed JSON), with the plan types of
   * `types` (the registry; a test may pass its own) and `readDeckFile` for the `destinationsFile`s
   * it names (without it, a plan naming one is refused).
   */
  static fromConfiguration(
    raw: unknown,
    defaultPlanCode: string,
    types: PlanTypes = PLAN_TYPES,
    readDeckFile?: DeckFileReader,
  ): PlanCatalog {
    const deckFiles = new DeckFiles(readDeckFile);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).length === 0) {
      throw new InvalidPlanCatalogError('*', '*', 'the catalog must be a JSON object of plans keyed by code');
    }
    const plans = Object.entries(raw as Record<string, unknown>).map(([code, spec]) => {
      if (!PLAN_CODE_PATTERN.test(code))
        throw new InvalidPlanCatalogError(code, 'code', 'must be lower-case letters, digits, - or _');
      if (typeof spec !== 'object' || spec === null)
        throw new InvalidPlanCatalogError(code, '*', 'must be an object');
      const type = (spec as { type?: unknown }).type;
      const factory = typeof type === 'string' && Object.hasOwn(types, type) ? types[type] : undefined;
      if (!factory) {
        throw new InvalidPlanCatalogError(code, 'type', `must be one of ${Object.keys(types).join(', ')}`);
      }
      const settings = new PlanSettingsReader(code, spec as Record<string, unknown>, deckFiles);
      const plan = factory(code, settings);
      settings.refuseUnread();
      return plan;
    });
    const catalog = new PlanCatalog(plans, defaultPlanCode);
    if (!catalog.plans.has(defaultPlanCode)) {
      throw new InvalidPlanCatalogError(defaultPlanCode, 'DEFAULT_PLAN', 'is not a plan of the catalog');
    }
    return catalog;
  }

  /** A plan a request names: an unknown code is the client's mistake (UnknownPlanError, a 400). */
  get(code: string): BillingPlan {
    const plan = this.plans.get(code);
    if (!plan) throw new UnknownPlanError(code, [...this.plans.keys()]);
    return plan;
  }

  /**
   * The plan a stored customer is on: a missing one is the server's configuration fault
   * (PlanMissingFromCatalogError, a logged 500), never the client's.
   */
  inForce(code: string): BillingPlan {
    const plan = this.plans.get(code);
    if (!plan) throw new PlanMissingFromCatalogError(code);
    return plan;
  }

  codes(): string[] {
    return [...this.plans.keys()];
  }

  has(code: string): boolean {
    return this.plans.has(code);
  }

  list(): BillingPlan[] {
    return [...this.plans.values()];
  }
}
