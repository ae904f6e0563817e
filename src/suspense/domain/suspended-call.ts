/** Why a call is held: its line had no owner when it started, or its plan has no price for it. */
export const SUSPENSE_REASONS = ['unknown-phone-number', 'no-rate'] as const;
export type SuspenseReason = (typeof SUSPENSE_REASONS)[number];

/** Held, recorded later (retried), or written off by an operator: never charged. */
export const SUSPENSE_STATUSES = ['suspended', 'recorded', 'written_off'] as const;
export type SuspenseStatus = (typeof SUSPENSE_STATUSES)[number];

export type SuspendedCallSource = { kind: 'api' } | { kind: 'cdr-file'; cdrFileId: string; line: number };

/** A call record held in suspense, as the switch sent it, and where it stands. */
export interface SuspendedCall {
  id: string;
  callId: string;
  phoneNumber: string;
  destination: string | null;
  startedAt: Date;
  durationSeconds: number;
  reason: SuspenseReason;
  status: SuspenseStatus;
  source: SuspendedCallSource;
  receivedAt: Date;
  /** When it was recorded or written off; null while held. */
  resolvedAt: Date | null;
  /** The recorded call's id, once recorded. */
  callIdOfRecord: string | null;
  writeOffNote: string | null;
}

/** What a retry of held calls did: every call it retried is now recorded or still held. */
export interface RetryTotals {
  retried: number;
  recorded: number;
  stillSuspended: number;
}

/** The record as the switch sent it: what a retry records and what a replay is compared with. */
export function switchRecordOf(call: SuspendedCall) {
  return {
    callId: call.callId,
    phoneNumber: call.phoneNumber,
    destination: call.destination,
    startedAt: call.startedAt,
    durationSeconds: call.durationSeconds,
  };
}
