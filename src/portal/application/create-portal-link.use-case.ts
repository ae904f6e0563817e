import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { CustomerKeyVersionQuery } from '../../auth';
import { AppConfiguration } from '../../config';
import { CustomerDirectory } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { newPortalToken } from '../domain/portal-token';
import { PortalSessionRepository } from './portal-session.repository';

export interface PortalLinkIssued {
  /** `<PUBLIC_BASE_URL>/portal/enter?token=...`: the token appears here only. */
  url: string;
  expiresAt: Date;
}

/**
 * The operator's sign-in link for a customer (to e-mail or embed): it starts one session, within
 * `PORTAL_LINK_TTL_SECONDS`, while the customer's API key stays the one it was created under.
 * An unknown customer is a CustomerNotFoundError (404).
 */
@Injectable()
export class CreatePortalLinkUseCase {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly keyVersions: CustomerKeyVersionQuery,
    private readonly sessions: PortalSessionRepository,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(customerId: string): Promise<PortalLinkIssued> {
    const customer = await this.customers.get(customerId);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.PORTAL_LINK_TTL_SECONDS * 1000);
    const { token, hash } = newPortalToken();
    const id = randomUUID();
    const keyVersion = await this.keyVersions.current(customer.id);
    await this.unitOfWork.transactional(async () => {
      await this.sessions.createLink({
        id,
        customerId: customer.id,
        tokenHash: hash,
        keyVersion,
        createdAt: now,
        expiresAt,
      });
      // The link's id, never its token.
      await this.audit.record({
        action: 'portal-session.created',
        target: { type: 'portal-session', id },
        customerId: customer.id,
        details: { kind: 'sign-in-link', expiresAt: expiresAt.toISOString() },
      });
    });
    return { url: `${this.config.PUBLIC_BASE_URL}/portal/enter?token=${token}`, expiresAt };
  }
}
