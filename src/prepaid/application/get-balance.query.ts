import { Injectable } from '@nestjs/common';
import type { Money } from '../../shared/domain/money';
import { remainingMinutes } from '../domain/top-up';
import { PrepaidCustomer } from './prepaid-customer';
import { PrepaidLedgerRepository } from './prepaid-ledger.repository';

export interface BalanceView {
  balance: Money;
  remainingMinutes: number;
}

/** What the switch asks before connecting a call. */
@Injectable()
export class GetBalanceQuery {
  constructor(
    private readonly prepaid: PrepaidCustomer,
    private readonly ledger: PrepaidLedgerRepository,
  ) {}

  async execute(customerId: string): Promise<BalanceView> {
    const { customer, plan } = await this.prepaid.find(customerId);
    const balance = await this.ledger.balance(customer.id, plan.currency);
    return { balance, remainingMinutes: remainingMinutes(balance, plan.ratePerMinute) };
  }
}
