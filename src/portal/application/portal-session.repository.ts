import type { PortalLink } from '../domain/portal-link';
import type { PortalSession } from '../domain/portal-session';

export interface NewPortalLink {
  id: string;
  customerId: string;
  tokenHash: Buffer;
  keyVersion: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewPortalSession extends PortalSession {
  tokenHash: Buffer;
  /** The link it was started with (origin `link`), else null. */
  linkId: string | null;
}

/** Port: sign-in links and sessions, each found by the hash of its token (the token is never stored). */
export abstract class PortalSessionRepository {
  abstract createLink(link: NewPortalLink): Promise<void>;

  abstract findLink(tokenHash: Buffer): Promise<PortalLink | null>;

  /**
   * Atomically marks the link used and starts `session` with it, if at `session.startedAt` the link
   * is unused, unexpired and of `session.keyVersion`; false (nothing written) otherwise.
   */
  abstract redeemLink(linkTokenHash: Buffer, session: NewPortalSession): Promise<boolean>;

  abstract startSession(session: NewPortalSession): Promise<void>;

  /** The session with this token unless it was ended (its expiry and key are the caller's to judge). */
  abstract findOpenSession(tokenHash: Buffer): Promise<PortalSession | null>;

  abstract endSession(sessionId: string, at: Date): Promise<void>;
}
