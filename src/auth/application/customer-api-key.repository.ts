/** Port: the stored hash of each customer's current API key (one key per customer). */
export abstract class CustomerApiKeyRepository {
  abstract hashOf(customerId: string): Promise<Buffer | null>;
  /** Stores the hash as the customer's only key, replacing any earlier one; false for an unknown customer. */
  abstract replace(customerId: string, hash: Buffer, now: Date): Promise<boolean>;
}
