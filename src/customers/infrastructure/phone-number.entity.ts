import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from './customer.entity';

/**
 * Table `phone_numbers`: the line history. A row is one customer's hold on a number (E.164) over
 * `[valid_from, valid_until)` (null: since always / still open). The exclusion constraint
 * `phone_numbers_one_owner_excl` (GiST, `=` on text through the btree_gist extension the migration
 * creates) makes two rows of one number over one instant impossible, whoever writes them.
 */
export const PhoneNumberEntity = defineEntity({
  name: 'PhoneNumber',
  tableName: 'phone_numbers',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    number: p.text(),
    customer: () => p.manyToOne(CustomerEntity).mapToPk().foreignKeyName('phone_numbers_customer_id_fkey'),
    addedAt: p.datetime(),
    validFrom: p.datetime().nullable(),
    validUntil: p.datetime().nullable(),
  },
  checks: [
    {
      name: 'phone_numbers_one_owner_excl',
      expression:
        "EXCLUDE USING gist (number WITH =, tstzrange(valid_from, valid_until, '[)'::text) WITH &&)",
    },
  ],
  indexes: [
    { name: 'phone_numbers_customer_id_idx', properties: ['customer'] },
    // The owners of a batch's lines: every range of its numbers, in one index scan.
    { name: 'phone_numbers_number_idx', properties: ['number', 'validFrom'] },
  ],
});
