/**
 * A failed attempt, with a message fit to show in GET /deliveries (also to the customer): the
 * remote's answer or the kind of network failure, never a host name, address or stack.
 */
export class DeliveryAttemptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryAttemptError';
  }
}
