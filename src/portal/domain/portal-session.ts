/** How a session began: an operator's link, or the customer's API key typed into the sign-in form. */
export type SessionOrigin = 'link' | 'api_key';

/**
 * A signed-in browser. It reads only `customerId`'s data, until `expiresAt`, until it is ended
 * (sign-out), or until the customer's API key changes (`keyVersion` no longer the current one).
 */
export interface PortalSession {
  id: string;
  customerId: string;
  keyVersion: string;
  origin: SessionOrigin;
  startedAt: Date;
  expiresAt: Date;
}

/** A session is good at `now` while unexpired and started under the customer's current key. */
export function isSessionValid(session: PortalSession, now: Date, currentKeyVersion: string): boolean {
  return session.expiresAt.getTime() > now.getTime() && session.keyVersion === currentKeyVersion;
}
