import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import { rearmedBy } from '../domain/low-balance-alert';
import { TopUpReferenceConflictError } from '../domain/prepaid.errors';
import { parseTopUp } from '../domain/top-up';
import type { Money } from '../../shared/domain/money';
import { PrepaidCustomer } from './prepaid-customer';
import { PrepaidLedgerRepository } from './prepaid-ledger.repository';

export interface TopUpOutcome {
  /** false: the reference was already recorded with the same amount; nothing was credited. */
  credited: boolean;
  balance: Money;
}

/**
 * Credits a prepaid balance once per (customer, reference); another amount under a known reference is
 * a 409. A top-up that takes the balance to or above the plan's `lowBalanceThreshold` re-arms its
 * low-balance alert, in the same unit of work.
 */
@Injectable()
export class TopUpBalanceUseCase {
  constructor(
    private readonly prepaid: PrepaidCustomer,
    private readonly ledger: PrepaidLedgerRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async execute(customerId: string, amount: unknown, reference: unknown): Promise<TopUpOutcome> {
    const { customer, balance } = await this.prepaid.find(customerId);
    const topUp = parseTopUp(amount, reference, balance.currency);
    const now = this.clock.now();
    return this.unitOfWork.transactional(async () => {
      if (await this.ledger.recordTopUp(customer.id, topUp, now)) {
        const after = await this.ledger.addToBalance(customer.id, topUp.amount);
        if (rearmedBy(after, balance.lowBalanceThreshold))
          await this.ledger.setLowBalanceArmed([customer.id], true);
        await this.audit.record({
          action: 'top-up.recorded',
          target: { type: 'prepaid-balance', id: customer.id },
          customerId: customer.id,
          details: {
            reference: topUp.reference,
            amount: topUp.amount.toJSON(),
            balanceAfter: after.toJSON(),
          },
        });
        return { credited: true, balance: after };
      }
      const recorded = await this.ledger.topUpAmount(customer.id, topUp.reference);
      if (!recorded?.equals(topUp.amount)) throw new TopUpReferenceConflictError(topUp.reference);
      return { credited: false, balance: await this.ledger.balance(customer.id, topUp.amount.currency) };
    });
  }
}
