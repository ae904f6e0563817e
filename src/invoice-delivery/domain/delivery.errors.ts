import { DomainError } from '../../shared/domain/domain-error';

export class InvalidRetryPolicyError extends DomainError {
  readonly code = 'invalid_retry_policy';
  readonly category = 'validation';
  constructor(setting: string, value: number) {
    super(`${setting} must be a positive whole number (got ${value})`, setting);
  }
}

/** A transition the delivery state machine does not allow, e.g. recording an attempt never started. */
export class IllegalDeliveryTransitionError extends DomainError {
  readonly code = 'illegal_delivery_transition';
  readonly category = 'conflict';
  constructor(transition: string, status: string) {
    super(`a ${status} delivery cannot ${transition}`);
  }
}
