import { defineEntity, p } from '@mikro-orm/core';
import type { StoredBillingAddress } from '../domain/billing-address';
import type { PlanEntry } from '../domain/plan-history';

/** Table `customers`: one row per customer; its plan changes are kept as a JSON history,
 * its billing address (optional) as a JSON object. */
export const CustomerEntity = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    email: p.text().nullable(),
    timezone: p.text(),
    planHistory: p.json<PlanEntry[]>(),
    billingAddress: p.json<StoredBillingAddress>().nullable(),
    createdAt: p.datetime(),
  },
  // Keyset pages of the customer list, oldest first.
  indexes: [{ name: 'customers_created_at_id_idx', properties: ['createdAt', 'id'] }],
});
