import { defineEntity, p } from '@mikro-orm/core';

/**
 * Table `invoice_number_counter`: one row, the last invoice sequence number handed out. Taking it
 * with the invoice insert in one transaction makes numbers gapless.
 */
export const InvoiceNumberCounterEntity = defineEntity({
  name: 'InvoiceNumberCounter',
  tableName: 'invoice_number_counter',
  properties: {
    id: p.smallint().primary().autoincrement(false).check('id = 1'),
    lastValue: p.bigint('string'),
  },
});
