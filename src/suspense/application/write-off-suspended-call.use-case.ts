import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import type { SuspendedCall } from '../domain/suspended-call';
import { SuspendedCallNotFoundError, SuspendedCallNotHeldError } from '../domain/suspense.errors';
import { SuspendedCallRepository } from './suspended-call.repository';

/**
 * An operator writes a held call off with a note: it will never be charged, and stays listed as
 * `written_off`. Locked first, so a retry running meanwhile either recorded it (409 here) or skips it.
 */
@Injectable()
export class WriteOffSuspendedCallUseCase {
  constructor(
    private readonly suspended: SuspendedCallRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(id: string, note: string): Promise<SuspendedCall> {
    return this.unitOfWork.transactional(async () => {
      const held = await this.suspended.lockById(id);
      if (!held) throw new SuspendedCallNotFoundError(id);
      if (held.status !== 'suspended') throw new SuspendedCallNotHeldError(id, held.status);
      const writtenOff = await this.suspended.writeOff(id, note, this.clock.now());
      await this.audit.record({
        action: 'suspended-call.written-off',
        target: { type: 'suspended-call', id },
        customerId: null,
        details: { callId: held.callId, reason: held.reason, note },
      });
      return writtenOff;
    });
  }
}
