import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from '../../customers/infrastructure/customer.entity';

/**
 * Table `customer_api_keys`: one key per customer, kept only as the SHA-256 of the key. Rotation
 * overwrites the row, so the old key stops working at once.
 */
export const CustomerApiKeyEntity = defineEntity({
  name: 'CustomerApiKey',
  tableName: 'customer_api_keys',
  properties: {
    customer: () =>
      p
        .manyToOne(CustomerEntity)
        .mapToPk()
        .primary()
        .foreignKeyName('customer_api_keys_customer_id_fkey')
        .deleteRule('no action')
        .updateRule('no action'),
    keyHash: p.blob().check('octet_length(key_hash) = 32'),
    createdAt: p.datetime(),
  },
});
