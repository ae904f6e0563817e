import { DomainError } from '../../shared/domain/domain-error';
import { quoted } from '../../shared/domain/quoted';

export class UnknownPlanError extends DomainError {
  readonly code = 'unknown_plan';
  readonly category = 'validation';
  constructor(plan: string, known: string[]) {
    super(`unknown plan ${quoted(plan)}; the catalog has ${known.join(', ')}`, 'plan');
  }
}

/**
 * A stored customer is on a plan the catalog does not have: the server's configuration is at fault,
 * not the request (an unexpected error: a logged 500, so a switch retries rather than drops a call).
 */
export class PlanMissingFromCatalogError extends Error {
  constructor(plan: string) {
    super(`plan "${plan}", which a customer is on, is missing from the billing plans catalog`);
    this.name = 'PlanMissingFromCatalogError';
  }
}

/** The plans configuration is wrong: start-up stops with this message. */
export class InvalidPlanCatalogError extends Error {
  constructor(plan: string, field: string, problem: string) {
    super(`Invalid billing plans: plan "${plan}", field "${field}": ${problem}`);
  }
}

/**
 * The plan prices calls by a destination deck without a default rate, and this call's destination
 * matches no prefix (or the call has none): rating it would be a guess (API.md, "Rating").
 */
export class NoRateForDestinationError extends DomainError {
  readonly code = 'no_rate_for_destination';
  readonly category = 'unprocessable';
  constructor(
    readonly plan: string,
    readonly destination: string | null,
  ) {
    super(
      destination === null
        ? `plan "${plan}" has no rate for a call without a destination`
        : `plan "${plan}" has no rate for destination ${JSON.stringify(destination)}`,
      'destination',
    );
  }
}
