import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from '../../customers/infrastructure/customer.entity';

/**
 * Table `portal_links`: sign-in links the operator created, kept only as the SHA-256 of their
 * token. `used_at` is set once, by the statement that starts the session; `key_version` is the
 * customer's API key version when the link was made (a rotation since refuses it).
 */
export const PortalLinkEntity = defineEntity({
  name: 'PortalLink',
  tableName: 'portal_links',
  properties: {
    id: p.uuid().primary(),
    customer: () =>
      p
        .manyToOne(CustomerEntity)
        .mapToPk()
        .foreignKeyName('portal_links_customer_id_fkey')
        .deleteRule('no action')
        .updateRule('no action'),
    tokenHash: p.blob().unique('portal_links_token_hash_key').check('octet_length(token_hash) = 32'),
    keyVersion: p.text(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
