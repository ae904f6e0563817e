import { Injectable } from '@nestjs/common';
import { CustomerKeyVersionQuery } from '../../auth';
import { Clock } from '../../shared/clock/clock';
import { isSessionValid, type PortalSession } from '../domain/portal-session';
import { SignInRequiredError } from '../domain/portal.errors';
import { hashPortalToken, isPortalToken } from '../domain/portal-token';
import { PortalSessionRepository } from './portal-session.repository';

/**
 * The session a browser's cookie names, if it still counts: not ended, not expired, and started
 * under the customer's current API key. Otherwise a SignInRequiredError.
 */
@Injectable()
export class CurrentSessionQuery {
  constructor(
    private readonly sessions: PortalSessionRepository,
    private readonly keyVersions: CustomerKeyVersionQuery,
    private readonly clock: Clock,
  ) {}

  async execute(token: unknown): Promise<PortalSession> {
    if (!isPortalToken(token)) throw new SignInRequiredError();
    const session = await this.sessions.findOpenSession(hashPortalToken(token));
    if (!session) throw new SignInRequiredError();
    const keyVersion = await this.keyVersions.current(session.customerId);
    if (!isSessionValid(session, this.clock.now(), keyVersion)) throw new SignInRequiredError();
    return session;
  }
}
