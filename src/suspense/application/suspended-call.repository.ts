import type { CallToHold } from '../../calls';
import type { SuspendedCall, SuspenseReason, SuspenseStatus } from '../domain/suspended-call';

export interface SuspendedCallFilter {
  reason: SuspenseReason | null;
  phoneNumber: string | null;
  status: SuspenseStatus | null;
  /** Keyset: the last item of the previous page. */
  after: { receivedAt: string; id: string } | null;
  limit: number;
}

export interface RetryScope {
  reason?: SuspenseReason | null;
  phoneNumber?: string | null;
}

/** Port: the held calls. Every method joins the current unit of work. */
export abstract class SuspendedCallRepository {
  /** Holds each record once per callId (a held callId keeps its first row); the rows of these callIds. */
  abstract hold(calls: CallToHold[], newId: () => string): Promise<Map<string, SuspendedCall>>;
  abstract findByCallIds(callIds: string[]): Promise<Map<string, SuspendedCall>>;
  /** Oldest first (received_at, id). */
  abstract list(filter: SuspendedCallFilter): Promise<SuspendedCall[]>;
  /**
   * The next held (status suspended) calls in scope after `afterId`, oldest first, locked until the
   * unit of work ends; rows another transaction holds locked are skipped, never waited for.
   */
  abstract lockHeld(
    scope: RetryScope,
    after: { receivedAt: Date; id: string } | null,
    limit: number,
  ): Promise<SuspendedCall[]>;
  /** The call, locked until the unit of work ends; null when there is none. */
  abstract lockById(id: string): Promise<SuspendedCall | null>;
  abstract markRecorded(recorded: { id: string; callIdOfRecord: string }[], at: Date): Promise<void>;
  abstract changeReason(ids: string[], reason: SuspenseReason): Promise<void>;
  abstract writeOff(id: string, note: string, at: Date): Promise<SuspendedCall>;
}
