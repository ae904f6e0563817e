import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { keyVersionOf } from '../domain/api-key';
import { CustomerApiKeyRepository } from './customer-api-key.repository';
import { IssueCustomerKeyUseCase } from './issue-customer-key.use-case';

/**
 * Rotates a customer's API key: a new key (returned once), the previous one dead at once, and an
 * `api-key.rotated` audit event naming the key versions (never a key or its hash), all in one unit
 * of work.
 */
@Injectable()
export class RotateCustomerKeyUseCase {
  constructor(
    private readonly issueKey: IssueCustomerKeyUseCase,
    private readonly keys: CustomerApiKeyRepository,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(customerId: string): Promise<string> {
    return this.unitOfWork.transactional(async () => {
      const before = await this.keys.hashOf(customerId);
      const key = await this.issueKey.execute(customerId);
      const after = await this.keys.hashOf(customerId);
      await this.audit.record({
        action: 'api-key.rotated',
        target: { type: 'api-key', id: customerId },
        customerId,
        details: {
          previousVersion: before ? keyVersionOf(before) : null,
          version: after ? keyVersionOf(after) : null,
        },
      });
      return key;
    });
  }
}
