import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Customer API keys: `pbk_c_<customer id, 32 hex>_<43 base64url chars: 256 random bits>`.
 * The prefix makes a leaked key recognisable (secret scanners, logs); the embedded customer id
 * makes verification one primary-key lookup. Only the SHA-256 of the whole key is stored: the key
 * is random enough that a slow password hash would add nothing but latency.
 */
const CUSTOMER_KEY_PREFIX = 'pbk_c_';
export const CUSTOMER_KEY_PATTERN = /^pbk_c_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface IssuedCustomerKey {
  /** The plaintext key: shown to the client once, never stored. */
  key: string;
  hash: Buffer;
}

export function generateCustomerKey(customerId: string): IssuedCustomerKey {
  const key = `${CUSTOMER_KEY_PREFIX}${customerId.replace(/-/g, '').toLowerCase()}_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}

/** The customer a well-formed customer key claims to belong to, or null for anything else. */
export function customerIdClaimedBy(key: string): string | null {
  const match = CUSTOMER_KEY_PATTERN.exec(key);
  if (!match) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Constant-time comparison of two key hashes (both SHA-256, so always the same length). */
export function sameKeyHash(left: Buffer, right: Buffer): boolean {
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The key version of a customer that has no key (registered before keys existed). */
export const NO_KEY_VERSION = 'none';

/** A short digest of a key's stored hash: tells keys apart without being a verifier for one. */
export function keyVersionOf(keyHash: Buffer): string {
  return createHash('sha256').update('key-version:').update(keyHash).digest('base64url').slice(0, 22);
}
