import { aCall, aPhoneNumber } from '../support/mothers';
import type { CustomerWithKey } from './auth-fixture';

export type Access = 'operator' | 'customer' | 'owner' | 'any';

/** Every /v1 endpoint, the key it takes and a valid request to it: shared by the role table and the fuzz suite. */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The route as the OpenAPI document names it. */
  route: string;
  access: Access;
  /** The status when the key may use the endpoint. */
  ok: number;
  body?: (subject: CustomerWithKey) => object;
  /** Rotation changes the subject's key, so each request rotates a customer of its own. */
  freshSubject?: boolean;
  /** The problem type of a 404 (another customer's resource reads as a missing one). */
  notFound?: string;
  /** Query parameters the request needs (`?format=csv&source=roles`). */
  query?: string;
  /** A text/csv body instead of JSON (a CDR file). */
  csv?: (subject: CustomerWithKey) => string;
}

let csvRows = 0;

/** A one-row CDR file in this service's own CSV, a new callId each time. */
export function aCdrFile(subject: CustomerWithKey): string {
  csvRows += 1;
  return `callId,phoneNumber,destination,startedAt,durationSeconds\nroles-${Date.now().toString(36)}-${csvRows},${subject.phoneNumber},,2026-10-01T10:00:00Z,60\n`;
}

export const ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    route: '/v1/customers',
    access: 'operator',
    ok: 201,
    body: () => ({ name: 'Role Test', phoneNumbers: [aPhoneNumber()] }),
  },
  { method: 'get', route: '/v1/customers', access: 'operator', ok: 200 },
  { method: 'get', route: '/v1/customers/{customerId}', access: 'customer', ok: 200 },
  {
    method: 'post',
    route: '/v1/customers/{customerId}/phone-numbers',
    access: 'operator',
    ok: 201,
    body: () => ({ number: aPhoneNumber() }),
  },
  // `{number}` is the subject's own line (a fresh customer each time: releasing it changes it).
  {
    method: 'delete',
    route: '/v1/customers/{customerId}/phone-numbers/{number}',
    access: 'operator',
    ok: 200,
    freshSubject: true,
  },
  { method: 'get', route: '/v1/customers/{customerId}/phone-numbers', access: 'customer', ok: 200 },
  {
    method: 'patch',
    route: '/v1/customers/{customerId}',
    access: 'operator',
    ok: 200,
    body: () => ({ billingAddress: { line1: 'Rua Augusta 100', city: 'Lisboa', country: 'PT' } }),
  },
  {
    method: 'put',
    route: '/v1/customers/{customerId}/plan',
    access: 'operator',
    ok: 200,
    body: () => ({ plan: 'prepaid' }),
  },
  {
    method: 'post',
    route: '/v1/customers/{customerId}/api-key',
    access: 'customer',
    ok: 201,
    freshSubject: true,
  },
  {
    method: 'post',
    route: '/v1/calls',
    access: 'operator',
    ok: 201,
    body: (subject) => aCall({ phoneNumber: subject.phoneNumber, startedAt: '2026-10-05T10:00:00Z' }),
  },
  {
    method: 'post',
    route: '/v1/calls/batch',
    access: 'operator',
    ok: 200,
    body: (subject) => ({
      calls: [aCall({ phoneNumber: subject.phoneNumber, startedAt: '2026-10-05T10:00:00Z' })],
    }),
  },
  { method: 'get', route: '/v1/customers/{customerId}/calls', access: 'customer', ok: 200 },
  { method: 'get', route: '/v1/customers/{customerId}/invoices', access: 'customer', ok: 200 },
  { method: 'get', route: '/v1/customers/{customerId}/invoices/upcoming', access: 'customer', ok: 200 },
  {
    method: 'post',
    route: '/v1/customers/{customerId}/invoices',
    access: 'operator',
    ok: 200,
    body: () => ({ period: '2026-09' }),
  },
  {
    method: 'get',
    route: '/v1/invoices/{invoiceId}',
    access: 'owner',
    ok: 200,
    notFound: 'invoice-not-found',
  },
  {
    method: 'get',
    route: '/v1/invoices/{invoiceId}/calls',
    access: 'owner',
    ok: 200,
    notFound: 'invoice-not-found',
  },
  {
    method: 'get',
    route: '/v1/invoices/{invoiceId}/pdf',
    access: 'owner',
    ok: 200,
    notFound: 'invoice-not-found',
  },
  {
    method: 'get',
    route: '/v1/invoices/{invoiceId}/deliveries',
    access: 'owner',
    ok: 200,
    notFound: 'invoice-not-found',
  },
  { method: 'post', route: '/v1/invoicing/runs', access: 'operator', ok: 200, body: () => ({}) },
  {
    method: 'post',
    route: '/v1/customers/{customerId}/top-ups',
    access: 'operator',
    ok: 201,
    body: () => ({ amount: '1.00', reference: `role-${Math.random().toString(36).slice(2)}` }),
  },
  { method: 'get', route: '/v1/customers/{customerId}/balance', access: 'customer', ok: 200 },
  { method: 'post', route: '/v1/customers/{customerId}/portal-sessions', access: 'operator', ok: 201 },
  { method: 'get', route: '/v1/plans', access: 'any', ok: 200 },
  { method: 'get', route: '/v1/audit-events', access: 'operator', ok: 200 },
  { method: 'get', route: '/v1/reconciliation', query: '?month=2026-10', access: 'operator', ok: 200 },
  {
    method: 'post',
    route: '/v1/cdr-files',
    access: 'operator',
    ok: 201,
    query: '?format=csv&source=roles',
    csv: aCdrFile,
  },
  { method: 'get', route: '/v1/cdr-files', access: 'operator', ok: 200 },
  { method: 'get', route: '/v1/cdr-files/{cdrFileId}', access: 'operator', ok: 200 },
  { method: 'get', route: '/v1/cdr-files/{cdrFileId}/errors', access: 'operator', ok: 200 },
  { method: 'get', route: '/v1/suspended-calls', access: 'operator', ok: 200 },
  { method: 'post', route: '/v1/suspended-calls/reprocess', access: 'operator', ok: 200, body: () => ({}) },
  // `{id}` is a held call nobody has: the operator gets past authorisation to the 404.
  {
    method: 'post',
    route: '/v1/suspended-calls/{id}/write-off',
    access: 'operator',
    ok: 404,
    body: () => ({ note: 'role test' }),
    notFound: 'suspended-call-not-found',
  },
];

/** The `{id}` of a held call in ENDPOINTS' routes: one nobody holds. */
export const UNKNOWN_SUSPENDED_CALL = '019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b';
