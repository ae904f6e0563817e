import fc from 'fast-check';
import {
  customerIdClaimedBy,
  generateCustomerKey,
  hashApiKey,
  keyVersionOf,
  NO_KEY_VERSION,
  sameKeyHash,
} from './api-key';

describe('customer API keys', () => {
  it('name their customer, so verifying one is a single lookup', () => {
    fc.assert(
      fc.property(fc.uuid(), (customerId) => {
        const { key } = generateCustomerKey(customerId);
        expect(key).toMatch(/^pbk_c_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
        expect(customerIdClaimedBy(key)).toBe(customerId.toLowerCase());
      }),
    );
  });

  it('carry 256 random bits: no two are alike', () => {
    const id = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';
    const keys = new Set(Array.from({ length: 1000 }, () => generateCustomerKey(id).key));
    expect(keys.size).toBe(1000);
  });

  it('are stored as the SHA-256 of the whole key', () => {
    const { key, hash } = generateCustomerKey('0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11');
    expect(hash).toHaveLength(32);
    expect(sameKeyHash(hash, hashApiKey(key))).toBe(true);
    expect(sameKeyHash(hash, hashApiKey(`${key}x`))).toBe(false);
  });

  it.each([
    '',
    'pbk_c_',
    'pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11',
    `pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a1_${'A'.repeat(43)}`,
    `pbk_c_0B7C6F0E6A444E8E9D1B2F5C8F4C1A11_${'A'.repeat(43)}`,
    `pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_${'A'.repeat(42)}`,
    `pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_${'A'.repeat(44)}`,
    `pbk_x_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_${'A'.repeat(43)}`,
    `pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_${'A'.repeat(42)}=`,
  ])('claim no customer when malformed: %j', (key) => {
    expect(customerIdClaimedBy(key)).toBeNull();
  });

  it('compare hashes of different lengths as different, without throwing', () => {
    expect(sameKeyHash(Buffer.alloc(32), Buffer.alloc(31))).toBe(false);
  });

  it('have a version that differs from key to key and reveals neither the key nor its hash', () => {
    const id = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';
    const first = generateCustomerKey(id);
    const rotated = generateCustomerKey(id);
    expect(keyVersionOf(first.hash)).toBe(keyVersionOf(hashApiKey(first.key)));
    expect(keyVersionOf(first.hash)).not.toBe(keyVersionOf(rotated.hash));
    expect(keyVersionOf(first.hash)).not.toBe(NO_KEY_VERSION);
    expect(first.key).not.toContain(keyVersionOf(first.hash));
    expect(first.hash.toString('base64url')).not.toContain(keyVersionOf(first.hash));
  });
});
