import { DomainError } from '../../shared/domain/domain-error';

export class PeriodNotClosedError extends DomainError {
  readonly code = 'period_not_closed';
  readonly category = 'conflict';
  constructor(period: string) {
    super(`period ${period} is not closed yet in the customer's time zone`, 'period');
  }
}

export class NotDueAnInvoiceError extends DomainError {
  readonly code = 'not_due_an_invoice';
  readonly category = 'conflict';
  constructor(period: string) {
    super(
      `the customer is not due an invoice for ${period}: created after it ended and no calls in it`,
      'period',
    );
  }
}

export class InvoiceNotFoundError extends DomainError {
  readonly code = 'invoice_not_found';
  readonly category = 'not_found';
  constructor(id: string) {
    super(`invoice ${id} does not exist`);
  }
}
