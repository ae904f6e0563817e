import { CustomerApiKeyRepository } from '../application/customer-api-key.repository';

/**
 * A fake for fast tests of the use cases; the contract suite keeps it honest against the real one.
 * The real table references customers, so this one is told which customers exist.
 */
export class InMemoryCustomerApiKeyRepository extends CustomerApiKeyRepository {
  private readonly hashes = new Map<string, Buffer>();

  constructor(private readonly customerExists: (customerId: string) => Promise<boolean>) {
    super();
  }

  hashOf(customerId: string): Promise<Buffer | null> {
    const hash = this.hashes.get(customerId);
    return Promise.resolve(hash ? Buffer.from(hash) : null);
  }

  async replace(customerId: string, hash: Buffer): Promise<boolean> {
    if (!(await this.customerExists(customerId))) return false;
    this.hashes.set(customerId, Buffer.from(hash));
    return true;
  }
}
