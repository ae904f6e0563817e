import { DomainError } from '../../shared/domain/domain-error';

export class SuspendedCallNotFoundError extends DomainError {
  readonly code = 'suspended_call_not_found';
  readonly category = 'not_found';
  constructor(id: string) {
    super(`no suspended call ${id}`);
  }
}

/** Only a call still held can be written off: a recorded one is charged, a written-off one is done. */
export class SuspendedCallNotHeldError extends DomainError {
  readonly code = 'suspended_call_not_held';
  readonly category = 'conflict';
  constructor(id: string, status: string) {
    super(`suspended call ${id} is ${status.replace('_', ' ')}, not suspended: it cannot be written off`);
  }
}
