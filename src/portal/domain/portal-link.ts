/**
 * A sign-in link the operator created for a customer: single use, valid until `expiresAt`, and
 * only while the customer's API key is the one it was created under (rotating the key is how an
 * operator ends everything a customer had open, links included).
 */
export interface PortalLink {
  id: string;
  customerId: string;
  keyVersion: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Why a link starts nothing; what the page the customer sees says. */
export type LinkRefusal = 'unknown' | 'used' | 'expired' | 'revoked';

/** Null when the link may start a session at `now`, for a customer whose key version is `currentKeyVersion`. */
export function refusalOf(link: PortalLink | null, now: Date, currentKeyVersion: string): LinkRefusal | null {
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (link.keyVersion !== currentKeyVersion) return 'revoked';
  return null;
}
