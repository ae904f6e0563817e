import { refusalOf, type PortalLink } from './portal-link';
import { isSessionValid, type PortalSession } from './portal-session';
import { hashPortalToken, isPortalToken, newPortalToken } from './portal-token';

const now = new Date('2026-10-15T12:00:00Z');
const link = (overrides: Partial<PortalLink> = {}): PortalLink => ({
  id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11',
  customerId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a12',
  keyVersion: 'v1',
  expiresAt: new Date(now.getTime() + 1000),
  usedAt: null,
  ...overrides,
});

describe('a sign-in link', () => {
  it('starts a session while unused, unexpired and of the current key', () => {
    expect(refusalOf(link(), now, 'v1')).toBeNull();
  });

  it.each([
    ['unknown', null, 'v1'],
    ['used', link({ usedAt: now }), 'v1'],
    ['expired', link({ expiresAt: now }), 'v1'],
    ['revoked', link(), 'v2'],
    // A used link says "used" even when it has expired since, or the key changed.
    ['used', link({ usedAt: now, expiresAt: new Date(0) }), 'v2'],
  ] as const)('is refused as %s', (reason, given, keyVersion) => {
    expect(refusalOf(given, now, keyVersion)).toBe(reason);
  });
});

describe('a session', () => {
  const session: PortalSession = {
    id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a13',
    customerId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a12',
    keyVersion: 'v1',
    origin: 'link',
    startedAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  };

  it('counts until it expires, under the key it was started with', () => {
    expect(isSessionValid(session, now, 'v1')).toBe(true);
    expect(isSessionValid(session, new Date(now.getTime() + 3_599_999), 'v1')).toBe(true);
    expect(isSessionValid(session, new Date(now.getTime() + 3_600_000), 'v1')).toBe(false);
    expect(isSessionValid(session, now, 'v2')).toBe(false);
  });
});

describe('portal tokens', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const tokens = Array.from({ length: 200 }, () => newPortalToken());
    expect(new Set(tokens.map(({ token }) => token)).size).toBe(200);
    for (const { token, hash } of tokens) {
      expect(isPortalToken(token)).toBe(true);
      expect(hash.equals(hashPortalToken(token))).toBe(true);
      expect(hash).toHaveLength(32);
    }
  });

  it.each([undefined, '', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}=`, ['x'], 42])(
    'are never looked up when malformed: %j',
    (value) => {
      expect(isPortalToken(value)).toBe(false);
    },
  );
});
