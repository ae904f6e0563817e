import { Money } from '../../shared/domain/money';
import {
  InvoiceCredit,
  LockedBalance,
  PrepaidLedgerRepository,
} from '../application/prepaid-ledger.repository';
import type { CallDebit } from '../domain/balance-drawdown';
import type { TopUp } from '../domain/top-up';

export interface LedgerEntry {
  customerId: string;
  kind: 'top_up' | 'call_debit' | 'invoice_credit';
  amount: Money;
  reference: string | null;
  callId: string | null;
  invoiceId: string | null;
  createdAt: Date;
}

/** A fake for fast tests of the use cases; the contract suite keeps it honest against the real one. */
export class InMemoryPrepaidLedgerRepository extends PrepaidLedgerRepository {
  readonly entries: LedgerEntry[] = [];
  private readonly balances = new Map<string, Money>();
  /** Customers whose balance's low-balance alert is disarmed (a balance starts armed). */
  private readonly disarmed = new Set<string>();

  recordTopUp(customerId: string, { amount, reference }: TopUp, now: Date): Promise<boolean> {
    const known = this.entries.some(
      (entry) => entry.customerId === customerId && entry.kind === 'top_up' && entry.reference === reference,
    );
    if (!known) this.add({ customerId, kind: 'top_up', amount, reference, createdAt: now });
    return Promise.resolve(!known);
  }

  topUpAmount(customerId: string, reference: string): Promise<Money | null> {
    const entry = this.entries.find(
      (candidate) =>
        candidate.customerId === customerId &&
        candidate.kind === 'top_up' &&
        candidate.reference === reference,
    );
    return Promise.resolve(entry?.amount ?? null);
  }

  addToBalance(customerId: string, amount: Money): Promise<Money> {
    const balance = (this.balances.get(customerId) ?? Money.zero(amount.currency)).plus(amount);
    this.balances.set(customerId, balance);
    return Promise.resolve(balance);
  }

  balance(customerId: string, currency: string): Promise<Money> {
    return Promise.resolve(this.balances.get(customerId) ?? Money.zero(currency));
  }

  lockBalances(customers: { customerId: string; currency: string }[]): Promise<Map<string, LockedBalance>> {
    for (const { customerId, currency } of customers) {
      if (!this.balances.has(customerId)) this.balances.set(customerId, Money.zero(currency));
    }
    return Promise.resolve(
      new Map(
        customers.map(({ customerId }) => [
          customerId,
          { balance: this.balances.get(customerId)!, lowBalance: { armed: !this.disarmed.has(customerId) } },
        ]),
      ),
    );
  }

  setLowBalanceArmed(customerIds: string[], armed: boolean): Promise<void> {
    for (const customerId of customerIds.filter((id) => this.balances.has(id))) {
      if (armed) this.disarmed.delete(customerId);
      else this.disarmed.add(customerId);
    }
    return Promise.resolve();
  }

  recordCallDebits(debits: CallDebit[], balances: Map<string, Money>, at: Date): Promise<void> {
    for (const debit of debits) {
      this.add({
        customerId: debit.customerId,
        kind: 'call_debit',
        amount: debit.charge.negated(),
        callId: debit.callId,
        createdAt: at,
      });
    }
    for (const customerId of new Set(debits.map((debit) => debit.customerId))) {
      if (this.balances.has(customerId)) this.balances.set(customerId, balances.get(customerId)!);
    }
    return Promise.resolve();
  }

  recordInvoiceCredits(credits: InvoiceCredit[], at: Date): Promise<Map<string, Money>> {
    const after = new Map<string, Money>();
    for (const credit of credits) {
      this.add({
        customerId: credit.customerId,
        kind: 'invoice_credit',
        amount: credit.amount,
        invoiceId: credit.invoiceId,
        createdAt: at,
      });
      const balance = this.balances.get(credit.customerId);
      if (balance) {
        this.balances.set(credit.customerId, balance.plus(credit.amount));
        after.set(credit.customerId, balance.plus(credit.amount));
      }
    }
    return Promise.resolve(after);
  }

  balanceBefore(customerId: string, currency: string, instant: Date): Promise<Money> {
    const before = this.entries.filter(
      (entry) => entry.customerId === customerId && entry.createdAt.getTime() < instant.getTime(),
    );
    return Promise.resolve(
      Money.sum(
        before.map((entry) => entry.amount),
        currency,
      ),
    );
  }

  private add(
    entry: Partial<LedgerEntry> & Pick<LedgerEntry, 'customerId' | 'kind' | 'amount' | 'createdAt'>,
  ) {
    this.entries.push({ reference: null, callId: null, invoiceId: null, ...entry });
  }
}
