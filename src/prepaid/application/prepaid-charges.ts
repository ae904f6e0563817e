import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import type { Money } from '../../shared/domain/money';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { CallDebit, drawDown } from '../domain/balance-drawdown';
import { crossingsOf, rearmedBy } from '../domain/low-balance-alert';
import { BalanceAlerts } from './balance-alerts.port';
import { InvoiceCredit, LockedBalance, PrepaidLedgerRepository } from './prepaid-ledger.repository';

/** A call's debit, with the plan it was rated by: its `lowBalanceThreshold` decides the alert. */
export interface PrepaidCallDebit extends CallDebit {
  plan: string;
}

/**
 * What other modules may do to prepaid balances, each in the caller's unit of work (the calls module
 * draws each new prepaid call from its customer's balance; issuing an invoice credits back what the
 * balance did not cover). The prepaid ledger's only writer is this module. A drawdown that takes a
 * balance below its plan's `lowBalanceThreshold` disarms the alert and queues one `balance.low`; a
 * credit back to the threshold re-arms it, in the same unit of work.
 */
@Injectable()
export class PrepaidCharges {
  constructor(
    private readonly ledger: PrepaidLedgerRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: PlanCatalog,
    private readonly alerts: BalanceAlerts,
  ) {}

  /**
   * Draws each call's charge from its customer's balance, in the order given, under the balances'
   * locks (so concurrent calls of one customer never overdraw twice, nor alert twice); answers what
   * the balance covered of each, by call id.
   */
  drawForCalls(debits: PrepaidCallDebit[], at: Date): Promise<Map<string, Money>> {
    if (debits.length === 0) return Promise.resolve(new Map<string, Money>());
    return this.unitOfWork.transactional(async () => {
      const customers = new Map(debits.map((debit) => [debit.customerId, debit.charge.currency]));
      const locked = await this.ledger.lockBalances(
        [...customers.keys()]
          .sort()
          .map((customerId) => ({ customerId, currency: customers.get(customerId)! })),
      );
      const before = new Map([...locked].map(([customerId, { balance }]) => [customerId, balance]));
      const { covered, balances } = drawDown(before, debits);
      await this.ledger.recordCallDebits(debits, balances, at);
      await this.alertCrossings(locked, balances, debits, at);
      return covered;
    });
  }

  /** Moves the billed, uncovered prepaid charges of issued invoices from the balances onto them. */
  async creditForInvoices(credits: InvoiceCredit[], at: Date): Promise<void> {
    const nonZero = credits.filter((credit) => !credit.amount.isZero());
    if (nonZero.length === 0) return;
    const after = await this.ledger.recordInvoiceCredits(nonZero, at);
    const rearmed = nonZero
      .filter((credit) => credit.amount.isPositive())
      .filter((credit) => after.has(credit.customerId))
      .filter((credit) => rearmedBy(after.get(credit.customerId)!, this.thresholdOf(credit.plan)))
      .map((credit) => credit.customerId);
    await this.ledger.setLowBalanceArmed(rearmed, true);
  }

  private async alertCrossings(
    locked: Map<string, LockedBalance>,
    after: Map<string, Money>,
    debits: PrepaidCallDebit[],
    at: Date,
  ): Promise<void> {
    // A customer's latest call names the plan whose threshold counts.
    const plans = new Map(debits.map((debit) => [debit.customerId, debit.plan]));
    const crossings = crossingsOf(
      [...locked].map(([customerId, { balance, lowBalance }]) => ({
        customerId,
        before: balance,
        after: after.get(customerId)!,
        state: lowBalance,
        threshold: this.thresholdOf(plans.get(customerId)!),
      })),
    );
    if (crossings.length === 0) return;
    await this.ledger.setLowBalanceArmed(
      crossings.map((crossing) => crossing.customerId),
      false,
    );
    await this.alerts.enqueue(crossings.map((crossing) => ({ ...crossing, at })));
  }

  private thresholdOf(plan: string): Money | null {
    return this.catalog.has(plan) ? (this.catalog.inForce(plan).balance?.lowBalanceThreshold ?? null) : null;
  }
}
