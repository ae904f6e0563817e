import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from '../../customers/infrastructure/customer.entity';

/** Table `prepaid_ledger_entries`: the prepaid ledger, the truth behind each balance. */
export const PrepaidLedgerEntryEntity = defineEntity({
  name: 'PrepaidLedgerEntry',
  tableName: 'prepaid_ledger_entries',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    customer: () =>
      p.manyToOne(CustomerEntity).mapToPk().foreignKeyName('prepaid_ledger_entries_customer_id_fkey'),
    kind: p.enum(['top_up', 'call_debit', 'invoice_credit']),
    amount: p.decimal().columnType('numeric'),
    currency: p.character().length(3),
    reference: p.text().nullable(),
    callId: p.uuid().nullable(),
    invoiceId: p.uuid().nullable(),
    createdAt: p.datetime(),
  },
  uniques: [
    // A top-up's reference makes it idempotent per customer.
    {
      name: 'prepaid_ledger_top_up_reference_key',
      properties: ['customer', 'reference'],
      where: "kind = 'top_up'",
    },
  ],
  indexes: [{ name: 'prepaid_ledger_customer_idx', properties: ['customer', 'id'] }],
});
