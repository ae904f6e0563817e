import { defineEntity, p } from '@mikro-orm/core';
import { CustomerEntity } from '../../customers/infrastructure/customer.entity';

/**
 * Table `prepaid_balances`: the ledger's sum per customer, and the row concurrent call debits lock,
 * so drawdowns serialise per customer. `lowBalanceArmed` is the low-balance alert's state
 * (`domain/low-balance-alert.ts`), read and written under that same lock.
 */
export const PrepaidBalanceEntity = defineEntity({
  name: 'PrepaidBalance',
  tableName: 'prepaid_balances',
  properties: {
    customer: () =>
      p
        .manyToOne(CustomerEntity)
        .mapToPk()
        .primary()
        .foreignKeyName('prepaid_balances_customer_id_fkey')
        .deleteRule('no action')
        .updateRule('no action'),
    balance: p.decimal().columnType('numeric'),
    currency: p.character().length(3),
    lowBalanceArmed: p.boolean().default(true),
  },
});
