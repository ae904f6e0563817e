import { DomainError } from '../../shared/domain/domain-error';

export class InvalidTopUpAmountError extends DomainError {
  readonly code = 'invalid_top_up_amount';
  readonly category = 'validation';
  constructor() {
    super('amount must be a positive decimal string with at most 2 decimals, up to 10000.00', 'amount');
  }
}

export class InvalidTopUpReferenceError extends DomainError {
  readonly code = 'invalid_top_up_reference';
  readonly category = 'validation';
  constructor() {
    super('reference must be 1 to 128 characters', 'reference');
  }
}

export class TopUpReferenceConflictError extends DomainError {
  readonly code = 'top_up_reference_conflict';
  readonly category = 'conflict';
  constructor(reference: string) {
    super(`top-up ${reference} was already recorded with another amount`, 'reference');
  }
}

export class NotOnPrepaidPlanError extends DomainError {
  readonly code = 'not_on_prepaid_plan';
  readonly category = 'conflict';
  constructor() {
    super("the customer's plan in force is not prepaid");
  }
}
