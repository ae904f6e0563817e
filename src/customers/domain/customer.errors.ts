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
