/** Who made a change: the operator, a customer (by its key or portal session), or the service itself. */
export type ActorKind = 'operator' | 'customer' | 'system';

/** `id`: the customer's id for a customer; null for the operator (one key, no identity) and the system. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null };
