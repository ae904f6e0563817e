import { Injectable } from '@nestjs/common';
import { hashApiKey, keyVersionOf, NO_KEY_VERSION } from '../domain/api-key';
import { CustomerApiKeyRepository } from './customer-api-key.repository';

/**
 * A fingerprint of a customer's current API key that changes whenever the key is issued or rotated
 * (a digest of its stored hash, never the hash itself). What was started under one key (a portal
 * session, say) remembers it and stops counting once the customer's version differs, without this
 * module knowing about it.
 */
@Injectable()
export class CustomerKeyVersionQuery {
  constructor(private readonly keys: CustomerApiKeyRepository) {}

  /** The version of the customer's current key; `NO_KEY_VERSION` for a customer without one. */
  async current(customerId: string): Promise<string> {
    const hash = await this.keys.hashOf(customerId);
    return hash ? keyVersionOf(hash) : NO_KEY_VERSION;
  }

  /** The version a presented key has: `current` gives the same exactly while it is the customer's key. */
  ofKey(presentedKey: string): string {
    return keyVersionOf(hashApiKey(presentedKey));
  }
}
