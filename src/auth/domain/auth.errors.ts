import { DomainError } from '../../shared/domain/domain-error';

export class MissingApiKeyError extends DomainError {
  readonly code = 'missing_api_key';
  readonly category = 'unauthorized';
  constructor() {
    super('This endpoint needs an API key: send "Authorization: Bearer <key>".');
  }
}

/** The same answer for a malformed, unknown, rotated or mistyped key: nothing to learn from it. */
export class InvalidApiKeyError extends DomainError {
  readonly code = 'invalid_api_key';
  readonly category = 'unauthorized';
  constructor() {
    super('The API key is not valid.');
  }
}

export class OperatorKeyRequiredError extends DomainError {
  readonly code = 'operator_key_required';
  readonly category = 'forbidden';
  constructor() {
    super('This endpoint takes the operator key; a customer key may not use it.');
  }
}

/**
 * Another customer's resource, seen with a customer key. Worded exactly as the customers module's
 * own "not found", so a customer key cannot tell someone else's customer from a missing one.
 */
export class CustomerNotVisibleError extends DomainError {
  readonly code = 'customer_not_found';
  readonly category = 'not_found';
  constructor(customerId: string) {
    super(`customer ${customerId} does not exist`);
  }
}
