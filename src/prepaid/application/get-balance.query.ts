import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import type { Money } from '../../shared/domain/money';
import { remainingMinutes } from '../domain/top-up';
import { PrepaidCustomer } from './prepaid-customer';
import { PrepaidLedgerRepository } from './prepaid-ledger.repository';

export interface BalanceView {
  balance: Money;
  /** The whole minutes the balance buys at the rate of the destination asked (the plan's own without one). */
  remainingMinutes: number;
  /** Asked for a destination only: the longest call to it the balance still pays in full, in seconds. */
  remainingSeconds?: number;
}

/**
 * What the switch asks before connecting a call: the balance, and what it still pays for a call
 * starting now, to `destination` when given (API.md, "Rating": "Prepaid").
 * @throws NoRateForDestinationError when the plan has no price for that destination.
 */
@Injectable()
export class GetBalanceQuery {
  constructor(
    private readonly prepaid: PrepaidCustomer,
    private readonly ledger: PrepaidLedgerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string, destination: string | null = null): Promise<BalanceView> {
    const { customer, balance: prepaid } = await this.prepaid.find(customerId);
    const balance = await this.ledger.balance(customer.id, prepaid.currency);
    const call = { destination, startedAt: this.clock.now() };
    const rate = prepaid.ratePerMinuteFor(call);
    const view: BalanceView = { balance, remainingMinutes: remainingMinutes(balance, rate) };
    if (destination !== null) view.remainingSeconds = prepaid.remainingSeconds(balance, call);
    return view;
  }
}
