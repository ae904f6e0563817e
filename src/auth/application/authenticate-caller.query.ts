import { Injectable } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { customerIdClaimedBy, hashApiKey, sameKeyHash } from '../domain/api-key';
import { InvalidApiKeyError, MissingApiKeyError } from '../domain/auth.errors';
import { Caller, OPERATOR } from '../domain/caller';
import { CustomerApiKeyRepository } from './customer-api-key.repository';

/** Tells who holds a presented key: the operator, a customer, or nobody (401). */
@Injectable()
export class AuthenticateCallerQuery {
  private readonly operatorKeyHash: Buffer;
  private readonly metricsTokenHash: Buffer | null;

  constructor(
    private readonly keys: CustomerApiKeyRepository,
    config: AppConfiguration,
  ) {
    // main.ts generates one in development and refuses to start without it in production.
    if (!config.OPERATOR_API_KEY) throw new Error('OPERATOR_API_KEY is not set');
    this.operatorKeyHash = hashApiKey(config.OPERATOR_API_KEY);
    this.metricsTokenHash = config.METRICS_TOKEN ? hashApiKey(config.METRICS_TOKEN) : null;
  }

  /** Whether the presented key is METRICS_TOKEN (never, when it is not set). */
  isMetricsToken(presentedKey: string | null): boolean {
    if (presentedKey === null || this.metricsTokenHash === null) return false;
    return sameKeyHash(hashApiKey(presentedKey), this.metricsTokenHash);
  }

  /** Whether the presented key is OPERATOR_API_KEY; no database read, so it may run before a body is read. */
  isOperatorKey(presentedKey: string | null): boolean {
    return presentedKey !== null && sameKeyHash(hashApiKey(presentedKey), this.operatorKeyHash);
  }

  /** `presentedKey` is null when the request carried no key at all. */
  async execute(presentedKey: string | null): Promise<Caller> {
    if (presentedKey === null) throw new MissingApiKeyError();
    // Hash first and compare hashes: equal lengths, so the comparison is constant-time.
    const presentedHash = hashApiKey(presentedKey);
    if (sameKeyHash(presentedHash, this.operatorKeyHash)) return OPERATOR;
    const customerId = customerIdClaimedBy(presentedKey);
    if (customerId === null) throw new InvalidApiKeyError();
    const storedHash = await this.keys.hashOf(customerId);
    if (storedHash === null || !sameKeyHash(presentedHash, storedHash)) throw new InvalidApiKeyError();
    return { kind: 'customer', customerId };
  }
}
