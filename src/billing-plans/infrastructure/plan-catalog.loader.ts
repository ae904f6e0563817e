import { readFileSync } from 'node:fs';
import type { AppConfig } from '../../config';
import { InvalidPlanCatalogError } from '../domain/billing-plan.errors';
import { DEFAULT_PLAN_CATALOG, PlanCatalog } from '../domain/plan-catalog';
import { PLAN_TYPES } from '../domain/plan-types.registry';
import { csvDeckFileReader } from './csv-deck-file.reader';

/**
 * The catalog from `BILLING_PLANS_FILE` (JSON), or the built-in one; its `destinationsFile`s are
 * read relative to that file's folder. An invalid file, deck or setting stops start-up.
 */
export function loadPlanCatalog(config: Pick<AppConfig, 'BILLING_PLANS_FILE' | 'DEFAULT_PLAN'>): PlanCatalog {
  if (!config.BILLING_PLANS_FILE)
    return PlanCatalog.fromConfiguration(DEFAULT_PLAN_CATALOG, config.DEFAULT_PLAN);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(config.BILLING_PLANS_FILE, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPlanCatalogError(
      '*',
      'BILLING_PLANS_FILE',
      `cannot read ${config.BILLING_PLANS_FILE}: ${reason}`,
    );
  }
  return PlanCatalog.fromConfiguration(
    raw,
    config.DEFAULT_PLAN,
    PLAN_TYPES,
    csvDeckFileReader(config.BILLING_PLANS_FILE),
  );
}
