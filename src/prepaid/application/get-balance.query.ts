import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
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
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string): Promise<BalanceView> {
    const { customer, balance: prepaid } = await this.prepaid.find(customerId);
    const balance = await this.ledger.balance(customer.id, prepaid.currency);
    const rate = prepaid.ratePerMinuteFor({ destination: null, startedAt: this.clock.now() });
    return { balance, remainingMinutes: remainingMinutes(balance, rate) };
  }
}
