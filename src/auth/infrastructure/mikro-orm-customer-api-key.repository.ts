import { Injectable } from '@nestjs/common';
import { Database } from '../../shared/database/database';
import { isForeignKeyViolation } from '../../shared/database/postgres-errors';
import { CustomerApiKeyRepository } from '../application/customer-api-key.repository';
import type { AuthTables } from './auth.tables';

@Injectable()
export class MikroOrmCustomerApiKeyRepository extends CustomerApiKeyRepository {
  constructor(private readonly db: Database<AuthTables>) {
    super();
  }

  async hashOf(customerId: string): Promise<Buffer | null> {
    const row = await this.db.kysely
      .selectFrom('customer_api_keys')
      .select('key_hash')
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row ? Buffer.from(row.key_hash) : null;
  }

  async replace(customerId: string, hash: Buffer, now: Date): Promise<boolean> {
    try {
      await this.db.kysely
        .insertInto('customer_api_keys')
        .values({ customer_id: customerId, key_hash: hash, created_at: now })
        .onConflict((conflict) =>
          conflict.column('customer_id').doUpdateSet((eb) => ({
            key_hash: eb.ref('excluded.key_hash'),
            created_at: eb.ref('excluded.created_at'),
          })),
        )
        .execute();
      return true;
    } catch (error) {
      // The key row references the customer: no customer, no key.
      if (isForeignKeyViolation(error)) return false;
      throw error;
    }
  }
}
