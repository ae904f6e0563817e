import { Injectable } from '@nestjs/common';
import { SuspendedCallCount } from '../application/suspended-call-count.port';

/**
 * Nothing is held in suspense yet: calls for unknown lines are rejected until suspense exists
 * (#17), whose adapter replaces this one. Until then `phone_billing_suspended_calls` reads 0.
 */
@Injectable()
export class NoSuspendedCalls extends SuspendedCallCount {
  count(): Promise<number> {
    return Promise.resolve(0);
  }
}
