import createClient from 'openapi-fetch';
import type { paths } from './generated/phone-billing-api';

/**
 * What an integrator writes with a client generated from the OpenAPI document (openapi-typescript
 * + openapi-fetch): register a customer, record a call, read the history and an invoice, the last
 * with the customer's own key. No type assertion, no non-null assertion and no `any`: the document
 * alone has to give every type (test/openapi/typed-client.e2e-spec.ts type-checks this file under
 * `--strict` against freshly generated types, checks it for casts, and runs it against the service).
 */

export interface WalkThroughResult {
  customerId: string;
  charge: string;
  historyCallIds: string[];
  invoiceNumber: string;
  invoiceTotal: string;
  callDestination: string | null;
}

export async function walkThrough(baseUrl: string, operatorKey: string): Promise<WalkThroughResult> {
  const operator = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${operatorKey}` } });

  const registered = await operator.POST('/v1/customers', {
    body: {
      name: 'Grace Hopper',
      email: null,
      timezone: 'Europe/Lisbon',
      plan: 'postpaid',
      phoneNumbers: ['+351 912 000 321'],
    },
  });
  if (registered.error) throw new Error(`registering: ${registered.error.detail}`);
  const customer = registered.data;
  const line = customer.phoneNumbers[0];

  const recorded = await operator.POST('/v1/calls', {
    body: {
      callId: 'typed-client-1',
      phoneNumber: line,
      destination: null,
      startedAt: '2026-09-05T10:00:00Z',
      minutes: 3,
    },
  });
  if (recorded.error) throw new Error(`recording: ${recorded.error.status} ${recorded.error.detail}`);
  const charge: string = recorded.data.charge.amount;

  const history = await operator.GET('/v1/customers/{customerId}/calls', {
    params: { path: { customerId: customer.id }, query: { period: '2026-09', limit: 10 } },
  });
  if (history.error) throw new Error(`reading the history: ${history.error.detail}`);
  const historyCallIds = history.data.data.map((call) => call.callId);
  const callDestination = history.data.data.length > 0 ? history.data.data[0].destination : null;

  const issued = await operator.POST('/v1/customers/{customerId}/invoices', {
    params: { path: { customerId: customer.id } },
    body: { period: '2026-09' },
  });
  if (issued.error) throw new Error(`issuing: ${issued.error.detail}`);
  const invoiceId = issued.data.id;
  if (invoiceId === null) throw new Error('an issued invoice has an id');

  const own = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${customer.apiKey}` } });
  const invoice = await own.GET('/v1/invoices/{invoiceId}', { params: { path: { invoiceId } } });
  if (invoice.error) throw new Error(`reading the invoice: ${invoice.error.detail}`);
  if (invoice.data.number === null) throw new Error('an issued invoice has a number');

  return {
    customerId: customer.id,
    charge,
    historyCallIds,
    invoiceNumber: invoice.data.number,
    invoiceTotal: invoice.data.total.amount,
    callDestination,
  };
}
