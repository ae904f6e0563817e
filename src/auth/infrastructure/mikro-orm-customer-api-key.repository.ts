import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database } from '../../shared/database/database';
import { isForeignKeyViolation } from '../../shared/database/postgres-errors';
import { CustomerApiKeyRepository } from '../application/customer-api-key.repository';

@Injectable()
export class MikroOrmCustomerApiKeyRepository extends CustomerApiKeyRepository {
  constructor(private readonly db: Database) {
    super();
  }

  async hashOf(customerId: string): Promise<Buffer | null> {
    const [row] = await this.db.rows<{ key_hash: Buffer }>(
      sql`SELECT key_hash FROM customer_api_keys WHERE customer_id = ${customerId}::uuid`,
    );
    return row ? Buffer.from(row.key_hash) : null;
  }

  async replace(customerId: string, hash: Buffer, now: Date): Promise<boolean> {
    try {
      await this.db.rows(sql`
        INSERT INTO customer_api_keys (customer_id, key_hash, created_at)
        VALUES (${customerId}::uuid, ${hash}, ${now})
        ON CONFLICT (customer_id) DO UPDATE SET key_hash = EXCLUDED.key_hash, created_at = EXCLUDED.created_at`);
      return true;
    } catch (error) {
      // The key row references the customer: no customer, no key.
      if (isForeignKeyViolation(error)) return false;
      throw error;
    }
  }
}
