/** Who sent a request, as proven by its API key. */
export type Caller = { kind: 'operator' } | { kind: 'customer'; customerId: string };

export const OPERATOR: Caller = { kind: 'operator' };

/** The customer whose resources alone the caller may read; null for the operator (all of them). */
export function ownCustomerOf(caller: Caller): string | null {
  return caller.kind === 'customer' ? caller.customerId : null;
}
