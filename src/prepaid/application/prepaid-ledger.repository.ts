import type { Money } from '../../shared/domain/money';
import type { CallDebit } from '../domain/balance-drawdown';
import type { LowBalanceState } from '../domain/low-balance-alert';
import type { TopUp } from '../domain/top-up';

/** An issued invoice's prepaid charges the balance did not cover: moved from the balance onto the invoice. */
export interface InvoiceCredit {
  invoiceId: string;
  customerId: string;
  amount: Money;
  /** The invoice's plan: its `lowBalanceThreshold` decides whether the credit re-arms the alert. */
  plan: string;
}

/** A balance locked for a drawdown, with its low-balance alert state. */
export interface LockedBalance {
  balance: Money;
  lowBalance: LowBalanceState;
}

/**
 * Port: the prepaid ledger (entries are the truth) and each customer's balance, their running sum.
 * Each method is one step; a use case makes several atomic with the `UnitOfWork`, and an entry is
 * always written in the same unit of work as the balance it moves.
 */
export abstract class PrepaidLedgerRepository {
  /** Records a top-up entry unless one with this reference exists for the customer; true when recorded. */
  abstract recordTopUp(customerId: string, topUp: TopUp, now: Date): Promise<boolean>;
  /** The amount of the customer's top-up with this reference, if there is one. */
  abstract topUpAmount(customerId: string, reference: string): Promise<Money | null>;
  /** Adds to the customer's balance (creating it) and answers the new balance. */
  abstract addToBalance(customerId: string, amount: Money): Promise<Money>;
  /** The customer's balance; zero in `currency` when it has none yet. */
  abstract balance(customerId: string, currency: string): Promise<Money>;
  /**
   * The balances of these customers (created at zero in the currency given when missing), locked
   * until the unit of work ends: concurrent drawdowns of one customer serialise here.
   */
  abstract lockBalances(
    customers: { customerId: string; currency: string }[],
  ): Promise<Map<string, LockedBalance>>;
  /** Records a `call_debit` entry per call and stores the customers' new balances. */
  abstract recordCallDebits(debits: CallDebit[], balances: Map<string, Money>, at: Date): Promise<void>;
  /**
   * Records an `invoice_credit` entry per invoice and adds each to its customer's balance; answers
   * the new balances of the customers that have one.
   */
  abstract recordInvoiceCredits(credits: InvoiceCredit[], at: Date): Promise<Map<string, Money>>;
  /** Stores the low-balance alert state of these customers' balances (those that have one). */
  abstract setLowBalanceArmed(customerIds: string[], armed: boolean): Promise<void>;
  /** The sum of the customer's ledger entries recorded strictly before `instant`. */
  abstract balanceBefore(customerId: string, currency: string, instant: Date): Promise<Money>;
}
