import { Injectable } from '@nestjs/common';
import { CustomerKeyVersionQuery } from '../../auth';
import { AppConfiguration } from '../../config';
import { Clock } from '../../shared/clock/clock';
import { refusalOf } from '../domain/portal-link';
import { PortalLinkRefusedError } from '../domain/portal.errors';
import { hashPortalToken, isPortalToken } from '../domain/portal-token';
import { PortalSessionRepository } from './portal-session.repository';
import { newSession, type StartedSession } from './started-session';

/**
 * Opening an operator's link: the link is used up and a session starts, in one statement, so of
 * two browsers opening it at once exactly one gets in. A link that is unknown, used, expired or
 * from before a key rotation starts nothing (PortalLinkRefusedError, saying which).
 */
@Injectable()
export class EnterWithLinkUseCase {
  constructor(
    private readonly sessions: PortalSessionRepository,
    private readonly keyVersions: CustomerKeyVersionQuery,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
  ) {}

  async execute(token: unknown): Promise<StartedSession> {
    if (!isPortalToken(token)) throw new PortalLinkRefusedError('unknown');
    const tokenHash = hashPortalToken(token);
    const link = await this.sessions.findLink(tokenHash);
    const now = this.clock.now();
    const keyVersion = link ? await this.keyVersions.current(link.customerId) : '';
    const refusal = refusalOf(link, now, keyVersion);
    if (refusal || !link) throw new PortalLinkRefusedError(refusal ?? 'unknown');
    const { session, started } = newSession(
      { customerId: link.customerId, keyVersion, origin: 'link', linkId: link.id },
      now,
      this.config.PORTAL_SESSION_TTL_SECONDS,
    );
    if (await this.sessions.redeemLink(tokenHash, session)) return started;
    // Used (or rotated) between the read and the redeem: say what it is now.
    const latest = await this.sessions.findLink(tokenHash);
    throw new PortalLinkRefusedError(refusalOf(latest, now, keyVersion) ?? 'used');
  }
}
