import { timeOrderedId } from '../../shared/domain/time-ordered-id';
import { CallSuspense, type CallToHold, type HeldCall } from '../../calls';

/** A fake of the `CallSuspense` port for fast use-case tests; its contract suite keeps it honest. */
export class InMemoryCallSuspense extends CallSuspense {
  readonly held = new Map<string, HeldCall>();

  hold(calls: CallToHold[]): Promise<Map<string, HeldCall>> {
    for (const { record, reason } of calls)
      if (!this.held.has(record.callId))
        this.held.set(record.callId, {
          suspendedCallId: timeOrderedId(),
          record,
          reason,
          status: 'suspended',
        });
    return this.heldAmong(calls.map((call) => call.record.callId));
  }

  heldAmong(callIds: string[]): Promise<Map<string, HeldCall>> {
    const found = new Map<string, HeldCall>();
    for (const callId of callIds) {
      const held = this.held.get(callId);
      if (held) found.set(callId, { ...held });
    }
    return Promise.resolve(found);
  }
}
