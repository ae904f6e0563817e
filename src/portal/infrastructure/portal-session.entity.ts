import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from '../../customers/infrastructure/customer.entity';
import { PortalLinkEntity } from './portal-link.entity';

/**
 * Table `portal_sessions`: signed-in browsers, kept only as the SHA-256 of their cookie's token.
 * A session counts until `expires_at`, until `ended_at` (sign-out), and while the customer's API
 * key version is still `key_version`. `link_id` names the link a session was started with.
 */
export const PortalSessionEntity = defineEntity({
  name: 'PortalSession',
  tableName: 'portal_sessions',
  properties: {
    id: p.uuid().primary(),
    customer: () =>
      p
        .manyToOne(CustomerEntity)
        .mapToPk()
        .foreignKeyName('portal_sessions_customer_id_fkey')
        .deleteRule('no action')
        .updateRule('no action'),
    tokenHash: p.blob().unique('portal_sessions_token_hash_key').check('octet_length(token_hash) = 32'),
    keyVersion: p.text(),
    origin: p.enum(['link', 'api_key']),
    link: () =>
      p
        .manyToOne(PortalLinkEntity)
        .mapToPk()
        .nullable()
        .foreignKeyName('portal_sessions_link_id_fkey')
        .deleteRule('no action')
        .updateRule('no action'),
    startedAt: p.datetime(),
    expiresAt: p.datetime(),
    endedAt: p.datetime().nullable(),
  },
  checks: [
    { name: 'portal_sessions_link_of_origin_check', expression: "(origin = 'link') = (link_id IS NOT NULL)" },
  ],
  // A link starts at most one session.
  uniques: [{ name: 'portal_sessions_link_id_key', properties: ['link'] }],
});
