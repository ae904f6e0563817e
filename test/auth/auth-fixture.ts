import { aCall, aCustomer, postCalls } from '../support/mothers';
import { aCdrFile } from './endpoints';
import type { TestApp } from '../support/test-app';

export interface CustomerWithKey {
  id: string;
  key: string;
  phoneNumber: string;
}

export interface AuthFixture {
  /** A prepaid customer with a call in 2026-09 and that period's invoice. */
  ada: CustomerWithKey & { invoiceId: string };
  /** Another customer, whose key must never see Ada's resources. */
  bob: CustomerWithKey;
  /** An import of a CDR file of Ada's calls. */
  cdrFileId: string;
}

export async function aCustomerWithKey(service: TestApp, plan = 'postpaid'): Promise<CustomerWithKey> {
  const customer = await aCustomer(service, { plan });
  return { id: customer.id, key: customer.apiKey!, phoneNumber: customer.phoneNumber };
}

/** Two customers with keys, a call and an invoice of Ada's: something for every endpoint to read. */
export async function authFixture(service: TestApp): Promise<AuthFixture> {
  const ada = await aCustomerWithKey(service, 'prepaid');
  const bob = await aCustomerWithKey(service);
  await postCalls(service, [aCall({ phoneNumber: ada.phoneNumber, startedAt: '2026-09-05T10:00:00Z' })]);
  const invoice = await service
    .http()
    .post(`/v1/customers/${ada.id}/invoices`)
    .send({ period: '2026-09' })
    .expect(201);
  const cdrFile = await service
    .http()
    .post('/v1/cdr-files?format=csv&source=fixture')
    .set('Content-Type', 'text/csv')
    .send(aCdrFile(ada))
    .expect(201);
  return { ada: { ...ada, invoiceId: invoice.body.id as string }, bob, cdrFileId: cdrFile.body.id as string };
}

/** A customer key in the right shape for `customerId`, with a secret nobody issued. */
export function forgedKeyOf(customerId: string): string {
  return `pbk_c_${customerId.replace(/-/g, '')}_${'A'.repeat(43)}`;
}
