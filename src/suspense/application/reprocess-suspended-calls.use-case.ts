import { PhoneNumber } from '../../shared/domain/phone-number';
import { Injectable } from '@nestjs/common';
import type { RetryTotals, SuspenseReason } from '../domain/suspended-call';
import { RetrySuspendedCalls } from './retry-suspended-calls';

/** POST /v1/suspended-calls/reprocess: the operator retries the held calls, all or of a reason or line. */
@Injectable()
export class ReprocessSuspendedCallsUseCase {
  constructor(private readonly retry: RetrySuspendedCalls) {}

  execute(scope: { reason: SuspenseReason | null; phoneNumber: string | null }): Promise<RetryTotals> {
    const phoneNumber =
      scope.phoneNumber === null ? null : PhoneNumber.parse(scope.phoneNumber, 'phoneNumber').e164;
    return this.retry.run({ reason: scope.reason, phoneNumber });
  }
}
