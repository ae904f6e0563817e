import { defineEntity, p } from '@mikro-orm/core';
import type { PlanEntry } from '../domain/plan-history';

/** Table `customers`: one row per customer; its plan changes are kept as a JSON history. */
export const CustomerEntity = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    email: p.text().nullable(),
    timezone: p.text(),
    planHistory: p.json<PlanEntry[]>(),
    createdAt: p.datetime(),
  },
  // Keyset pages of the customer list, oldest first.
  indexes: [{ name: 'customers_created_at_id_idx', properties: ['createdAt', 'id'] }],
});
