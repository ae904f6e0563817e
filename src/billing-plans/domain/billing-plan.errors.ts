import { DomainError } from '../../shared/domain/domain-error';

export class UnknownPlanError extends DomainError {
  readonly code = 'unknown_plan';
  readonly category = 'validation';
  constructor(plan: string, known: string[]) {
    super(`unknown plan "${plan}"; the catalog has ${known.join(', ')}`, 'plan');
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
