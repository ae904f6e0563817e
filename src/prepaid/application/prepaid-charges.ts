import { Injectable } from '@nestjs/common';
import type { Money } from '../../shared/domain/money';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { CallDebit, drawDown } from '../domain/balance-drawdown';
import { InvoiceCredit, PrepaidLedgerRepository } from './prepaid-ledger.repository';

/**
 * What other modules may do to prepaid balances, each in the caller's unit of work (the calls module
 * draws each new prepaid call from its customer's balance; issuing an invoice credits back what the
 * balance did not cover). The prepaid ledger's only writer is this module.
 */
@Injectable()
export class PrepaidCharges {
  constructor(
    private readonly ledger: PrepaidLedgerRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Draws each call's charge from its customer's balance, in the order given, under the balances'
   * locks (so concurrent calls of one customer never overdraw twice); answers what the balance
   * covered of each, by call id.
   */
  drawForCalls(debits: CallDebit[], at: Date): Promise<Map<string, Money>> {
    if (debits.length === 0) return Promise.resolve(new Map<string, Money>());
    return this.unitOfWork.transactional(async () => {
      const customers = new Map(debits.map((debit) => [debit.customerId, debit.charge.currency]));
      const before = await this.ledger.lockBalances(
        [...customers.keys()]
          .sort()
          .map((customerId) => ({ customerId, currency: customers.get(customerId)! })),
      );
      const { covered, balances } = drawDown(before, debits);
      await this.ledger.recordCallDebits(debits, balances, at);
      return covered;
    });
  }

  /** Moves the billed, uncovered prepaid charges of issued invoices from the balances onto them. */
  async creditForInvoices(credits: InvoiceCredit[], at: Date): Promise<void> {
    const nonZero = credits.filter((credit) => !credit.amount.isZero());
    if (nonZero.length > 0) await this.ledger.recordInvoiceCredits(nonZero, at);
  }
}
