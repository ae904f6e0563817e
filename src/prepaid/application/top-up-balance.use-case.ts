import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import { parseTopUp } from '../domain/top-up';
import { PrepaidCustomer } from './prepaid-customer';
import { PrepaidLedgerRepository, TopUpOutcome } from './prepaid-ledger.repository';

@Injectable()
export class TopUpBalanceUseCase {
  constructor(
    private readonly prepaid: PrepaidCustomer,
    private readonly ledger: PrepaidLedgerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string, amount: unknown, reference: unknown): Promise<TopUpOutcome> {
    const { customer, balance } = await this.prepaid.find(customerId);
    return this.ledger.topUp(customer.id, parseTopUp(amount, reference, balance.currency), this.clock.now());
  }
}
