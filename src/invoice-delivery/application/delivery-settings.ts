import type { AppConfig } from '../../config';
import type { DeliveryChannel } from '../domain/delivery';
import { RetryPolicy } from '../domain/retry-policy';

/**
 * How long a claimed attempt is held: four send timeouts, so that a send (each adapter aborts its
 * own at the timeout) plus loading and rendering the invoice end well before another dispatcher
 * may take the delivery over. Two dispatchers therefore never send one delivery at the same time.
 */
export const LEASE_TIMEOUTS = 4;

export interface DeliverySettings {
  /** The channels this instance sends; the others' rows are left to instances that have them. */
  channels: DeliveryChannel[];
  policy: RetryPolicy;
  batchSize: number;
  leaseMs: number;
}

export function deliverySettings(config: AppConfig): DeliverySettings {
  return {
    channels: [
      ...(config.SMTP_URL ? (['email'] as const) : []),
      ...(config.INVOICE_WEBHOOK_URL ? (['webhook'] as const) : []),
    ],
    policy: new RetryPolicy(config.DELIVERY_RETRY_BASE_MS, config.DELIVERY_MAX_ATTEMPTS),
    batchSize: config.DELIVERY_BATCH_SIZE,
    leaseMs: LEASE_TIMEOUTS * config.DELIVERY_SEND_TIMEOUT_MS,
  };
}
