import { createHash, randomBytes } from 'node:crypto';

/**
 * The portal's bearer secrets: a sign-in link's token and a session's cookie. 256 random bits,
 * base64url (43 characters). Only their SHA-256 is stored, as for API keys: they are random
 * enough that a slow hash would add latency and nothing else.
 */
export const PORTAL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface PortalToken {
  /** Handed out once (in the link, in the cookie), never stored. */
  token: string;
  hash: Buffer;
}

export function newPortalToken(): PortalToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashPortalToken(token) };
}

export function hashPortalToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** True for something shaped like a token this service hands out (anything else is not looked up). */
export function isPortalToken(value: unknown): value is string {
  return typeof value === 'string' && PORTAL_TOKEN_PATTERN.test(value);
}
