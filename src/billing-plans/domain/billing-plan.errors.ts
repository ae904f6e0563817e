import { DomainError } from '../../shared/domain/domain-error';
import { quoted } from '../../shared/domain/quoted';

export class UnknownPlanError extends DomainError {
  readonly code = 'unknown_plan';
  readonly category = 'validation';
  constructor(plan: string, known: string[]) {
    super(`unknown plan ${quoted(plan)}; the catalog has ${known.join(', ')}`, 'plan');
  }
}

/** The plans configuration is wrong: start-up stops with this message. */
export class InvalidPlanCatalogError extends Error {
  constructor(plan: string, field: string, problem: string) {
    super(`Invalid billing plans: plan "${plan}", field "${field}": ${problem}`);
  }
}
