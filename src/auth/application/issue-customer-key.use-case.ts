import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import { generateCustomerKey } from '../domain/api-key';
import { CustomerNotVisibleError } from '../domain/auth.errors';
import { CustomerApiKeyRepository } from './customer-api-key.repository';

/**
 * Gives a customer a new API key and returns it in plaintext, the only time it is ever visible.
 * Any earlier key of the customer stops working at once: this is both issuing (at registration)
 * and rotation.
 */
@Injectable()
export class IssueCustomerKeyUseCase {
  constructor(
    private readonly keys: CustomerApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string): Promise<string> {
    const { key, hash } = generateCustomerKey(customerId);
    const stored = await this.keys.replace(customerId, hash, this.clock.now());
    if (!stored) throw new CustomerNotVisibleError(customerId);
    return key;
  }
}
