import { DomainError } from '../../shared/domain/domain-error';

export class InvalidCustomerNameError extends DomainError {
  readonly code = 'invalid_customer_name';
  readonly category = 'validation';
  constructor() {
    super('name must be 1 to 200 characters long, not counting spaces at either end', 'name');
  }
}

export class CustomerNotFoundError extends DomainError {
  readonly code = 'customer_not_found';
  readonly category = 'not_found';
  constructor(id: string) {
    super(`customer ${id} does not exist`);
  }
}

export class PhoneNumberTakenError extends DomainError {
  readonly code = 'phone_number_taken';
  readonly category = 'conflict';
  constructor(number: string) {
    super(`phone number ${number} belongs to another customer`, 'phoneNumbers');
  }
}

export class LineNotFoundError extends DomainError {
  readonly code = 'line_not_found';
  readonly category = 'not_found';
  constructor(customerId: string, number: string) {
    super(`customer ${customerId} holds no open line ${number}`);
  }
}

export class ReleaseBeforeLineStartError extends DomainError {
  readonly code = 'release_before_line_start';
  readonly category = 'validation';
  constructor(number: string, from: Date) {
    super(`at must be after the line's from: ${number} is held from ${from.toISOString()}`, 'at');
  }
}

export class ReleaseBeforeLastCallError extends DomainError {
  readonly code = 'release_before_last_call';
  readonly category = 'conflict';
  constructor(number: string, lastCallStart: Date) {
    super(
      `line ${number} has a call recorded at ${lastCallStart.toISOString()}: release it after that instant`,
      'at',
    );
  }
}
