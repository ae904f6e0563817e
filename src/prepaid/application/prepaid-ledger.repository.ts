import type { Money } from '../../shared/domain/money';
import type { TopUp } from '../domain/top-up';

export interface TopUpOutcome {
  /** false: the reference was already recorded with the same amount; nothing was credited. */
  credited: boolean;
  balance: Money;
}

/** Port: the prepaid ledger. The balance is the sum of its entries, cached per customer. */
export abstract class PrepaidLedgerRepository {
  /** Credits once per (customer, reference); throws TopUpReferenceConflictError for another amount. */
  abstract topUp(customerId: string, topUp: TopUp, now: Date): Promise<TopUpOutcome>;
  abstract balance(customerId: string, currency: string): Promise<Money>;
  /** The sum of the customer's ledger entries recorded strictly before `instant`. */
  abstract balanceBefore(customerId: string, currency: string, instant: Date): Promise<Money>;
}
