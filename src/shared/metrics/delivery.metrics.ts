/**
 * What became of one delivery attempt: `delivered`, `retried` (it failed and will be tried again
 * after its backoff) or `failed` (it failed and was the last try: the delivery is given up).
 */
export const DELIVERY_ATTEMPT_STATUSES = ['delivered', 'retried', 'failed'] as const;
export type DeliveryAttemptStatus = (typeof DELIVERY_ATTEMPT_STATUSES)[number];

/**
 * Port: counts delivery attempts whose outcome was recorded, by channel, kind of message (`invoice`,
 * `balance.low`) and status.
 */
export abstract class DeliveryMetrics {
  abstract attempted(channel: string, kind: string, status: DeliveryAttemptStatus): void;
}
