import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database } from '../../shared/database/database';
import { Money } from '../../shared/domain/money';
import { PrepaidLedgerRepository, TopUpOutcome } from '../application/prepaid-ledger.repository';
import { TopUpReferenceConflictError } from '../domain/prepaid.errors';
import type { TopUp } from '../domain/top-up';

/**
 * The ledger in PostgreSQL: entries are the truth, prepaid_balances their running sum, updated in
 * the same transaction as each entry (call debits are written by the calls store the same way).
 */
@Injectable()
export class MikroOrmPrepaidLedgerRepository extends PrepaidLedgerRepository {
  constructor(private readonly db: Database) {
    super();
  }

  topUp(customerId: string, topUp: TopUp, now: Date): Promise<TopUpOutcome> {
    const { amount, reference } = topUp;
    return this.db.transaction(async (tx) => {
      const inserted = await tx.rows<{ id: string }>(sql`
        INSERT INTO prepaid_ledger_entries (customer_id, kind, amount, currency, reference, created_at)
        VALUES (${customerId}::uuid, 'top_up', ${amount.toString()}::numeric, ${amount.currency}, ${reference}, ${now})
        ON CONFLICT (customer_id, reference) WHERE kind = 'top_up' DO NOTHING
        RETURNING id`);
      if (inserted.length === 0) {
        const [existing] = await tx.rows<{ amount: string; currency: string }>(sql`
          SELECT amount, currency FROM prepaid_ledger_entries
          WHERE customer_id = ${customerId}::uuid AND kind = 'top_up' AND reference = ${reference}`);
        if (!Money.of(existing.amount, existing.currency).equals(amount))
          throw new TopUpReferenceConflictError(reference);
        return { credited: false, balance: await balanceIn(tx, customerId, amount.currency) };
      }
      const [row] = await tx.rows<{ balance: string; currency: string }>(sql`
        INSERT INTO prepaid_balances (customer_id, balance, currency)
        VALUES (${customerId}::uuid, ${amount.toString()}::numeric, ${amount.currency})
        ON CONFLICT (customer_id) DO UPDATE SET balance = prepaid_balances.balance + EXCLUDED.balance
        RETURNING balance, currency`);
      return { credited: true, balance: Money.of(row.balance, row.currency) };
    });
  }

  balance(customerId: string, currency: string): Promise<Money> {
    return balanceIn(this.db, customerId, currency);
  }

  async balanceBefore(customerId: string, currency: string, instant: Date): Promise<Money> {
    const [row] = await this.db.rows<{ balance: string | null }>(sql`
      SELECT sum(amount) AS balance FROM prepaid_ledger_entries
      WHERE customer_id = ${customerId}::uuid AND created_at < ${instant}`);
    return row.balance === null ? Money.zero(currency) : Money.of(row.balance, currency);
  }
}

async function balanceIn(db: Database, customerId: string, currency: string): Promise<Money> {
  const [row] = await db.rows<{ balance: string; currency: string }>(
    sql`SELECT balance, currency FROM prepaid_balances WHERE customer_id = ${customerId}::uuid`,
  );
  return row ? Money.of(row.balance, row.currency) : Money.zero(currency);
}
