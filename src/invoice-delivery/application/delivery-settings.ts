import type { AppConfig } from '../../config';
import { RetryPolicy } from '../domain/retry-policy';

/**
 * How long a claimed attempt is held: four send timeouts, so that a send (each adapter aborts its
 * own at the timeout) plus loading and rendering the invoice end well before another dispatcher
 * may take the delivery over. Two dispatchers therefore never send one delivery at the same time.
 */
export const LEASE_TIMEOUTS = 4;

/** How the dispatcher retries and leases; which channels are on is `DeliveryChannels`' to say. */
export interface DeliverySettings {
  policy: RetryPolicy;
  batchSize: number;
  leaseMs: number;
}

export function deliverySettings(config: AppConfig): DeliverySettings {
  return {
    policy: new RetryPolicy(config.DELIVERY_RETRY_BASE_MS, config.DELIVERY_MAX_ATTEMPTS),
    batchSize: config.DELIVERY_BATCH_SIZE,
    leaseMs: LEASE_TIMEOUTS * config.DELIVERY_SEND_TIMEOUT_MS,
  };
}
