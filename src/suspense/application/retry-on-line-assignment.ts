import { Injectable, Logger } from '@nestjs/common';
import { LineAssignments } from '../../customers';
import { SYSTEM_ACTOR } from '../../shared/domain/actor';
import { RetrySuspendedCalls } from './retry-suspended-calls';

/**
 * The customers module's `LineAssignments` port: once a line's assignment has committed, the calls
 * held for that number are retried by the system (those that started while the line is now owned
 * are recorded). A failed retry leaves them held for the next one, and does not undo the assignment.
 */
@Injectable()
export class RetryOnLineAssignment extends LineAssignments {
  private readonly logger = new Logger('Suspense');

  constructor(private readonly retry: RetrySuspendedCalls) {
    super();
  }

  async assigned(number: string): Promise<void> {
    try {
      await this.retry.run({ phoneNumber: number }, SYSTEM_ACTOR);
    } catch (error) {
      this.logger.error({ err: error, number }, 'Retrying the held calls of an assigned line failed');
    }
  }
}
