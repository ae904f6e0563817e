import { DomainError } from '../../shared/domain/domain-error';

abstract class CallValidationError extends DomainError {
  readonly category = 'validation';
}

export class InvalidCallIdError extends CallValidationError {
  readonly code = 'invalid_call_id';
  constructor() {
    super('callId must be 1 to 128 characters of A-Z a-z 0-9 . _ : -', 'callId');
  }
}

export class InvalidMinutesError extends CallValidationError {
  readonly code = 'invalid_minutes';
  constructor(max: number) {
    super(`minutes must be a whole number from 1 to ${max}`, 'minutes');
  }
}

export class InvalidDurationSecondsError extends CallValidationError {
  readonly code = 'invalid_duration_seconds';
  constructor(max: number) {
    super(`durationSeconds must be a whole number from 1 to ${max}`, 'durationSeconds');
  }
}

/** A record says how long the call lasted once: in minutes or in seconds, never both or neither. */
export class OneDurationError extends CallValidationError {
  readonly code = 'invalid_duration';
  constructor() {
    super('give exactly one of minutes and durationSeconds', 'minutes');
  }
}

export class InvalidStartedAtError extends CallValidationError {
  readonly code = 'invalid_started_at';
  constructor() {
    super('startedAt must be an ISO 8601 timestamp with an offset, e.g. 2026-10-05T14:03:00Z', 'startedAt');
  }
}

export class StartedAtInFutureError extends CallValidationError {
  readonly code = 'started_at_in_future';
  constructor() {
    super('startedAt is more than 5 minutes in the future', 'startedAt');
  }
}

/** Billing periods start at 1970-01: a call before it in its customer's zone could never be billed. */
export class StartedAtBeforeFirstPeriodError extends CallValidationError {
  readonly code = 'started_at_before_first_period';
  constructor(firstPeriod: string, zone: string) {
    super(
      `startedAt is before ${firstPeriod}, the first billing period, in the customer's time zone ${zone}`,
      'startedAt',
    );
  }
}

export class InvalidDestinationError extends CallValidationError {
  readonly code = 'invalid_destination';
  constructor() {
    super('destination must be a string of up to 32 characters', 'destination');
  }
}

export class UnknownCallFieldError extends CallValidationError {
  readonly code = 'unknown_field';
  constructor(field: string) {
    super(`${field} is not a known field`, field);
  }
}

export class InvalidCallRecordError extends CallValidationError {
  readonly code = 'invalid_call_record';
  constructor() {
    super('a call record must be a JSON object');
  }
}

export class UnknownPhoneNumberError extends DomainError {
  readonly code = 'unknown_phone_number';
  readonly category = 'unprocessable';
  constructor(number: string) {
    super(`unknown phone number ${number}`, 'phoneNumber');
  }
}

export class CallIdConflictError extends DomainError {
  readonly code = 'call_id_conflict';
  readonly category = 'conflict';
  constructor(callId: string) {
    super(
      `callId ${callId} was already received with different content (recorded, or held in suspense)`,
      'callId',
    );
  }
}

export class InvalidHistoryRangeError extends CallValidationError {
  readonly code = 'invalid_history_range';
  constructor() {
    super('use either period or from/to, not both', 'period');
  }
}

/** The problem code each suspense reason answers with (the codes the API used before suspense). */
const HELD_CODES = { 'unknown-phone-number': 'unknown_phone_number', 'no-rate': 'no_rate_for_destination' };

/**
 * A record refused (422) for what it lacks, its line's owner or a price, but held in suspense: the
 * problem `type` of its reason (`unknown-phone-number`, `no-rate-for-destination`), plus the held
 * call's id (`suspendedCallId`).
 */
export class CallHeldInSuspenseError extends DomainError {
  readonly code: string;
  readonly category = 'unprocessable';
  override readonly problemExtensions: Readonly<Record<string, string>>;
  constructor(
    readonly reason: keyof typeof HELD_CODES,
    detail: string,
    field: string | undefined,
    readonly suspendedCallId: string,
  ) {
    super(detail, field);
    this.code = HELD_CODES[reason];
    this.problemExtensions = { suspendedCallId };
  }
}
