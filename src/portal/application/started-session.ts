import { randomUUID } from 'node:crypto';
import type { SessionOrigin } from '../domain/portal-session';
import { newPortalToken } from '../domain/portal-token';
import type { NewPortalSession } from './portal-session.repository';

/** A session as the browser gets it: the cookie's token (shown once) and when it ends. */
export interface StartedSession {
  token: string;
  expiresAt: Date;
}

/** A new session of `ttlSeconds` from `now`, and the token that will name it. */
export function newSession(
  start: { customerId: string; keyVersion: string; origin: SessionOrigin; linkId: string | null },
  now: Date,
  ttlSeconds: number,
): { session: NewPortalSession; started: StartedSession } {
  const { token, hash } = newPortalToken();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  return {
    session: { id: randomUUID(), tokenHash: hash, startedAt: now, expiresAt, ...start },
    started: { token, expiresAt },
  };
}
