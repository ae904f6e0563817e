import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from './customer.entity';

/** Table `phone_numbers`: a line (E.164) belongs to one customer. */
export const PhoneNumberEntity = defineEntity({
  name: 'PhoneNumber',
  tableName: 'phone_numbers',
  properties: {
    number: p.text().primary(),
    customer: () => p.manyToOne(CustomerEntity).mapToPk().foreignKeyName('phone_numbers_customer_id_fkey'),
    addedAt: p.datetime(),
  },
  indexes: [{ name: 'phone_numbers_customer_id_idx', properties: ['customer'] }],
});
