import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import {
  InvoiceCredit,
  LockedBalance,
  PrepaidLedgerRepository,
} from '../application/prepaid-ledger.repository';
import type { CallDebit } from '../domain/balance-drawdown';
import type { TopUp } from '../domain/top-up';
import type { PrepaidTables } from './prepaid.tables';

/**
 * The ledger in PostgreSQL: `prepaid_ledger_entries` are the truth, `prepaid_balances` their running
 * sum per customer. Set-wise for calls and invoices (one statement per step, arrays through unnest).
 */
@Injectable()
export class MikroOrmPrepaidLedgerRepository extends PrepaidLedgerRepository {
  constructor(private readonly db: Database<PrepaidTables>) {
    super();
  }

  async recordTopUp(customerId: string, { amount, reference }: TopUp, now: Date): Promise<boolean> {
    const inserted = await this.db.kysely
      .insertInto('prepaid_ledger_entries')
      .values({
        customer_id: customerId,
        kind: 'top_up',
        amount: amount.toString(),
        currency: amount.currency,
        reference,
        created_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['customer_id', 'reference']).where('kind', '=', 'top_up').doNothing(),
      )
      .returning('id')
      .execute();
    return inserted.length > 0;
  }

  async topUpAmount(customerId: string, reference: string): Promise<Money | null> {
    const row = await this.db.kysely
      .selectFrom('prepaid_ledger_entries')
      .select(['amount', 'currency'])
      .where('customer_id', '=', customerId)
      .where('kind', '=', 'top_up')
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row ? Money.of(row.amount, row.currency) : null;
  }

  async addToBalance(customerId: string, amount: Money): Promise<Money> {
    const row = await this.db.kysely
      .insertInto('prepaid_balances')
      .values({ customer_id: customerId, balance: amount.toString(), currency: amount.currency })
      .onConflict((conflict) =>
        conflict.column('customer_id').doUpdateSet((eb) => ({
          balance: eb('prepaid_balances.balance', '+', eb.ref('excluded.balance')),
        })),
      )
      .returning(['balance', 'currency'])
      .executeTakeFirstOrThrow();
    return Money.of(row.balance, row.currency);
  }

  async balance(customerId: string, currency: string): Promise<Money> {
    const row = await this.db.kysely
      .selectFrom('prepaid_balances')
      .select(['balance', 'currency'])
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row ? Money.of(row.balance, row.currency) : Money.zero(currency);
  }

  async lockBalances(
    customers: { customerId: string; currency: string }[],
  ): Promise<Map<string, LockedBalance>> {
    const ids = customers.map((customer) => customer.customerId);
    await this.db.kysely
      .insertInto('prepaid_balances')
      .columns(['customer_id', 'balance', 'currency'])
      .expression(
        sql`SELECT id, 0, currency
            FROM unnest(${ids}::uuid[], ${customers.map((customer) => customer.currency)}::char(3)[]) AS t(id, currency)`,
      )
      .onConflict((conflict) => conflict.column('customer_id').doNothing())
      .execute();
    const rows = await this.db.kysely
      .selectFrom('prepaid_balances')
      .select(['customer_id', 'balance', 'currency', 'low_balance_armed'])
      .where('customer_id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .orderBy('customer_id')
      .forUpdate()
      .execute();
    return new Map(
      rows.map((row) => [
        row.customer_id,
        { balance: Money.of(row.balance, row.currency), lowBalance: { armed: row.low_balance_armed } },
      ]),
    );
  }

  async setLowBalanceArmed(customerIds: string[], armed: boolean): Promise<void> {
    if (customerIds.length === 0) return;
    await this.db.kysely
      .updateTable('prepaid_balances')
      .set({ low_balance_armed: armed })
      .where('customer_id', '=', sql<string>`ANY(${customerIds}::uuid[])`)
      .where('low_balance_armed', '=', !armed)
      .execute();
  }

  async recordCallDebits(debits: CallDebit[], balances: Map<string, Money>, at: Date): Promise<void> {
    if (debits.length === 0) return;
    await this.db.kysely
      .insertInto('prepaid_ledger_entries')
      .columns(['customer_id', 'kind', 'amount', 'currency', 'call_id', 'created_at'])
      .expression(
        sql`SELECT customer_id, 'call_debit', amount, currency, call_id, ${at}
            FROM unnest(${debits.map((d) => d.customerId)}::uuid[], ${debits.map((d) => d.charge.negated().toString())}::numeric[],
                        ${debits.map((d) => d.charge.currency)}::char(3)[], ${debits.map((d) => d.callId)}::uuid[])
                 AS t(customer_id, amount, currency, call_id)`,
      )
      .execute();
    const customerIds = [...new Set(debits.map((debit) => debit.customerId))];
    await this.db.kysely
      .updateTable('prepaid_balances')
      .from(
        sql<{
          customer_id: string;
          balance: string;
        }>`unnest(${customerIds}::uuid[], ${customerIds.map((id) => balances.get(id)!.toString())}::numeric[])`.as<'v'>(
          sql`v(customer_id, balance)`,
        ),
      )
      .set((eb) => ({ balance: eb.ref('v.balance') }))
      .whereRef('prepaid_balances.customer_id', '=', 'v.customer_id')
      .execute();
  }

  async recordInvoiceCredits(credits: InvoiceCredit[], at: Date): Promise<Map<string, Money>> {
    if (credits.length === 0) return new Map();
    const customerIds = credits.map((credit) => credit.customerId);
    const amounts = credits.map((credit) => credit.amount.toString());
    await this.db.kysely
      .insertInto('prepaid_ledger_entries')
      .columns(['customer_id', 'kind', 'amount', 'currency', 'invoice_id', 'created_at'])
      .expression(
        sql`SELECT customer_id, 'invoice_credit', amount, currency, invoice_id, ${at}
            FROM unnest(${customerIds}::uuid[], ${amounts}::numeric[], ${credits.map((c) => c.amount.currency)}::char(3)[],
                        ${credits.map((c) => c.invoiceId)}::uuid[])
                 AS t(customer_id, amount, currency, invoice_id)`,
      )
      .execute();
    const rows = await this.db.kysely
      .updateTable('prepaid_balances')
      .from(
        sql<{
          customer_id: string;
          amount: string;
        }>`unnest(${customerIds}::uuid[], ${amounts}::numeric[])`.as<'v'>(sql`v(customer_id, amount)`),
      )
      .set((eb) => ({ balance: eb('prepaid_balances.balance', '+', eb.ref('v.amount')) }))
      .whereRef('prepaid_balances.customer_id', '=', 'v.customer_id')
      .returning(['prepaid_balances.customer_id', 'prepaid_balances.balance', 'prepaid_balances.currency'])
      .execute();
    return new Map(rows.map((row) => [row.customer_id, Money.of(row.balance, row.currency)]));
  }

  async balanceBefore(customerId: string, currency: string, instant: Date): Promise<Money> {
    const row = await this.db.kysely
      .selectFrom('prepaid_ledger_entries')
      .select(sql<string | null>`sum(amount)`.as('balance'))
      .where('customer_id', '=', customerId)
      .where('created_at', '<', instant.toISOString())
      .executeTakeFirstOrThrow();
    return row.balance === null ? Money.zero(currency) : Money.of(row.balance, currency);
  }
}
