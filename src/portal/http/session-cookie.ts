import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../../config';
import { PORTAL_ROOT } from './portal-paths';

/** The session cookie: its token names the session (only its hash is stored). */
export const SESSION_COOKIE = 'portal_session';
/** The CSRF secret's cookie (@fastify/csrf-protection's double submit). */
export const CSRF_COOKIE = 'portal_csrf';

type CookieSettings = Pick<AppConfig, 'PORTAL_COOKIE_SECURE' | 'PORTAL_SESSION_TTL_SECONDS'>;

/** HttpOnly, SameSite=Lax, Secure unless PORTAL_COOKIE_SECURE=false, sent to the portal's paths only. */
export function portalCookie(config: CookieSettings): CookieSerializeOptions {
  return { path: PORTAL_ROOT, httpOnly: true, sameSite: 'lax', secure: config.PORTAL_COOKIE_SECURE };
}

/**
 * The session cookie lasts as long as the session: Max-Age, relative, rather than an Expires date
 * the browser would read against its own clock.
 */
export function sessionCookie(config: CookieSettings): CookieSerializeOptions {
  return { ...portalCookie(config), maxAge: config.PORTAL_SESSION_TTL_SECONDS };
}
