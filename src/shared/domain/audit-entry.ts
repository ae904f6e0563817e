import type { Actor } from './actor';

/**
 * Every action the audit trail knows (API.md, "Operations"): `<resource>.<past-tense verb>`.
 * Emitted today: customer.created, phone-number.assigned, phone-number.released, plan.changed,
 * api-key.rotated, top-up.recorded, invoice.issued, invoicing-run.completed, portal-session.created,
 * suspended-call.recorded, suspended-call.written-off. Reserved for the feature that will emit it
 * (not emitted yet): cdr-file.imported (#17).
 */
export const AUDIT_ACTIONS = [
  'customer.created',
  'phone-number.assigned',
  'phone-number.released',
  'plan.changed',
  'api-key.rotated',
  'top-up.recorded',
  'invoice.issued',
  'invoicing-run.completed',
  'suspended-call.recorded',
  'suspended-call.written-off',
  'portal-session.created',
  'cdr-file.imported',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export type AuditDetails = Record<string, unknown>;

/** What a module says happened; the trail adds when, who and which request. */
export interface AuditEntry {
  action: AuditAction;
  /** The resource the action names: `{ type: 'customer', id }`, `{ type: 'invoice', id }`, ... */
  target: { type: string; id: string };
  /** The customer the change concerns (the listing's `customerId` filter); null when none. */
  customerId: string | null;
  /** What changed: before/after, amounts (decimal strings), ids. Never a secret. */
  details: AuditDetails;
  /** Who acted, when the request's caller is not the actor (a portal session's customer). */
  actor?: Actor;
}
