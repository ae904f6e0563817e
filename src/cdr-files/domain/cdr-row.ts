/** A call record for the recording use case: the shape `POST /v1/calls` takes. */
export interface CdrCallInput {
  callId: string;
  phoneNumber: string;
  destination?: string;
  startedAt: string;
  durationSeconds: number;
}

/** What one row of a switch file says, once read in its format. */
export type MappedRow =
  | { kind: 'call'; input: CdrCallInput }
  /** Not answered (or billed 0 s): counted, never charged. It "starts" at its start time. */
  | { kind: 'not-billable'; callId: string; startedAt: Date; seconds: number }
  /** `unreadable`: not a row of the declared format at all (column count, encoding). */
  | { kind: 'rejected'; reason: string; unreadable?: boolean };

/** Where the rows were written: what a format needs to read them. */
export interface SwitchContext {
  /** Prefixes every callId (`sw1:<uniqueid>`). */
  source: string;
  /** The IANA zone of the switch's clock: its timestamps carry no offset. */
  timezone: string;
  /** ISO 3166 country whose national format numbers without `+` are in; null: none given. */
  country: string | null;
  /** `MAX_CALL_MINUTES` × 60. */
  maxSeconds: number;
}

export const rejectedRow = (reason: string): MappedRow => ({ kind: 'rejected', reason });

/** A row that is a call: the record the recording use case takes (an empty dialled number: none). */
export function callRow(
  call: { callId: string; phoneNumber: string; dialled: string; startedAt: Date; durationSeconds: number },
  destinationOf: (dialled: string) => string,
): MappedRow {
  const { callId, phoneNumber, dialled, startedAt, durationSeconds } = call;
  return {
    kind: 'call',
    input: {
      callId,
      phoneNumber,
      ...(dialled === '' ? {} : { destination: destinationOf(dialled) }),
      startedAt: startedAt.toISOString(),
      durationSeconds,
    },
  };
}
