import type { CallRecord } from '../domain/call-record';

/** Why a call is held: its line had no owner when it started, or its plan has no price for it. */
export type SuspenseReason = 'unknown-phone-number' | 'no-rate';

/** Where a call record came from: the API (default), or a row of a switch's CDR file. */
export type CallRecordSource = { kind: 'api' } | { kind: 'cdr-file'; cdrFileId: string; line: number };

export const API_SOURCE: CallRecordSource = { kind: 'api' };

/** A record to hold, as the switch sent it. */
export interface CallToHold {
  record: CallRecord;
  reason: SuspenseReason;
  source: CallRecordSource;
  receivedAt: Date;
}

/** A held record as suspense keeps it (the first content held under its callId). */
export interface HeldCall {
  suspendedCallId: string;
  record: CallRecord;
  reason: SuspenseReason;
  status: 'suspended' | 'recorded' | 'written_off';
}

/**
 * Port: the suspense that keeps the calls recording cannot charge yet. Declared by calls, implemented
 * by the suspense module (given to `CallsModule.forRoot`), so calls never imports suspense, which
 * records held calls through calls. Both methods join the current unit of work.
 */
export abstract class CallSuspense {
  /**
   * Holds each record once per callId (a callId already held keeps its first content and id):
   * answers, by callId, the held call as stored, new or not.
   */
  abstract hold(calls: CallToHold[]): Promise<Map<string, HeldCall>>;

  /** The held calls among these callIds, whatever their status, by callId. */
  abstract heldAmong(callIds: string[]): Promise<Map<string, HeldCall>>;
}
