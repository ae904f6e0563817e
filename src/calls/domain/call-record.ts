import { PhoneNumber } from '../../shared/domain/phone-number';
import { fieldPath } from '../../shared/domain/field-path';
import { assertStorableInput } from '../../shared/domain/storable-input';
import {
  InvalidCallIdError,
  InvalidCallRecordError,
  InvalidDestinationError,
  InvalidMinutesError,
  InvalidStartedAtError,
  StartedAtInFutureError,
  UnknownCallFieldError,
} from './call.errors';

/** What the switch reports about one call, validated; the same rules for single and batch posts. */
export interface CallRecord {
  callId: string;
  phoneNumber: string;
  destination: string | null;
  startedAt: Date;
  minutes: number;
}

const FIELDS = new Set(['callId', 'phoneNumber', 'destination', 'startedAt', 'minutes']);
const CALL_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// An ISO 8601 instant with an explicit offset: a local time without one would be ambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** A callId as the switch must send it; only such an id is repeated back in a rejection. */
export function isCallId(value: unknown): value is string {
  return typeof value === 'string' && CALL_ID.test(value);
}

/**
 * Validates one record from the switch, whatever carried it (a single post, a batch item, a file
 * row): no unknown field, the input rules every client value obeys (NUL, unpaired surrogates), then
 * the record's own rules; one error, for the first rule broken.
 */
export function parseCallRecord(raw: unknown, maxMinutes: number, now: Date): CallRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InvalidCallRecordError();
  const input = raw as Record<string, unknown>;
  // Quoted when odd, an unknown name is safe to repeat (`["a\u0000"]`); "__proto__" is unknown too.
  for (const field of Object.keys(input))
    if (!FIELDS.has(field)) throw new UnknownCallFieldError(fieldPath('', field));
  assertStorableInput(input);

  if (!isCallId(input.callId)) throw new InvalidCallIdError();
  const phoneNumber = PhoneNumber.parse(input.phoneNumber, 'phoneNumber').e164;
  const minutes = input.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > maxMinutes) {
    throw new InvalidMinutesError(maxMinutes);
  }
  const startedAt = parseInstant(input.startedAt);
  if (startedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new StartedAtInFutureError();
  const destination = input.destination ?? null;
  if (destination !== null && (typeof destination !== 'string' || destination.length > 32)) {
    throw new InvalidDestinationError();
  }
  return { callId: input.callId, phoneNumber, destination, startedAt, minutes };
}

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) throw new InvalidStartedAtError();
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()) || instant.getTime() < 0 || !isCalendarDate(value)) {
    throw new InvalidStartedAtError();
  }
  return instant;
}

/** JavaScript's Date would roll "31 April" over into 1 May, another billing period: refuse it. */
function isCalendarDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** A replay is the same call only if everything the switch said is the same. */
export function sameCallContent(a: CallRecord, b: CallRecord): boolean {
  return (
    a.callId === b.callId &&
    a.phoneNumber === b.phoneNumber &&
    (a.destination ?? null) === (b.destination ?? null) &&
    a.startedAt.getTime() === b.startedAt.getTime() &&
    a.minutes === b.minutes
  );
}
