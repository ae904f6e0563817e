import { PhoneNumber } from '../../shared/domain/phone-number';
import { fieldPath } from '../../shared/domain/field-path';
import { parseInstant } from '../../shared/domain/instant';
import { assertStorableInput } from '../../shared/domain/storable-input';
import {
  InvalidCallIdError,
  InvalidCallRecordError,
  InvalidDestinationError,
  InvalidDurationSecondsError,
  InvalidMinutesError,
  OneDurationError,
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
  /** The switch's billable seconds (`billsec`); a record in `minutes` carries `minutes × 60`. */
  durationSeconds: number;
}

const FIELDS = new Set(['callId', 'phoneNumber', 'destination', 'startedAt', 'minutes', 'durationSeconds']);
export const CALL_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** A callId as the switch must send it; only such an id is repeated back in a rejection. */
export function isCallId(value: unknown): value is string {
  return typeof value === 'string' && CALL_ID_PATTERN.test(value);
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
  const durationSeconds = durationSecondsOf(input, maxMinutes);
  const startedAt = startedAtOf(input.startedAt);
  if (startedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new StartedAtInFutureError();
  const destination = input.destination ?? null;
  if (destination !== null && (typeof destination !== 'string' || destination.length > 32)) {
    throw new InvalidDestinationError();
  }
  return { callId: input.callId, phoneNumber, destination, startedAt, durationSeconds };
}

/**
 * The call's duration in seconds, from exactly one of `minutes` (whole minutes, 1..maxMinutes) and
 * `durationSeconds` (1..maxMinutes × 60): API.md, "Calls". `minutes: 3` is `durationSeconds: 180`.
 */
function durationSecondsOf(input: Record<string, unknown>, maxMinutes: number): number {
  const { minutes, durationSeconds } = input;
  if ((minutes === undefined) === (durationSeconds === undefined)) throw new OneDurationError();
  if (durationSeconds !== undefined) {
    if (!isWholeNumberIn(durationSeconds, maxMinutes * 60))
      throw new InvalidDurationSecondsError(maxMinutes * 60);
    return durationSeconds;
  }
  if (!isWholeNumberIn(minutes, maxMinutes)) throw new InvalidMinutesError(maxMinutes);
  return minutes * 60;
}

function isWholeNumberIn(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

/** `ceil(durationSeconds / 60)`: the whole minutes a call answers (API.md, "Calls"). */
export function minutesOf(durationSeconds: number): number {
  return Math.ceil(durationSeconds / 60);
}

function startedAtOf(value: unknown): Date {
  const instant = parseInstant(value);
  if (!instant) throw new InvalidStartedAtError();
  return instant;
}

/**
 * A replay is the same call only if everything the switch said is the same; durations compare in
 * seconds, so `minutes: 3` and `durationSeconds: 180` are the same call.
 */
export function sameCallContent(a: CallRecord, b: CallRecord): boolean {
  return (
    a.callId === b.callId &&
    a.phoneNumber === b.phoneNumber &&
    (a.destination ?? null) === (b.destination ?? null) &&
    a.startedAt.getTime() === b.startedAt.getTime() &&
    a.durationSeconds === b.durationSeconds
  );
}
