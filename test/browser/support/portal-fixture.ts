import { aCall, postCalls } from '../../support/mothers';
import type { TestApp } from '../../support/test-app';

export interface FixtureCustomer {
  id: string;
  apiKey: string;
  phoneNumber: string;
}

export interface PortalFixture {
  /** Europe/Lisbon, postpaid: 3 calls and an invoice in 2026-09, 61 calls so far in 2026-10. */
  ada: FixtureCustomer & { invoiceId: string };
  /** Another customer with an invoice of their own, which Ada must never see. */
  bob: FixtureCustomer & { invoiceId: string };
  /** Prepaid, with a top-up and a call. */
  grace: FixtureCustomer;
  /** Registered today: no calls, no invoice yet. */
  newbie: FixtureCustomer;
  /** A name and a destination written to run script, if anything rendered them as HTML. */
  hostile: FixtureCustomer;
}

export const HOSTILE_NAME = '<script>alert(1)</script>';
export const HOSTILE_DESTINATION = '<img src=x onerror=alert(2)>';

/** 61 October calls: page one holds 50, page two 11. */
export const ADA_OCTOBER_CALLS = 61;

async function register(
  service: TestApp,
  body: { name: string; timezone: string; plan: string; phoneNumber: string },
): Promise<FixtureCustomer> {
  const response = await service
    .http()
    .post('/v1/customers')
    .send({ name: body.name, timezone: body.timezone, plan: body.plan, phoneNumbers: [body.phoneNumber] })
    .expect(201);
  return { id: response.body.id, apiKey: response.body.apiKey, phoneNumber: body.phoneNumber };
}

async function invoice(service: TestApp, customerId: string, period: string): Promise<string> {
  const response = await service
    .http()
    .post(`/v1/customers/${customerId}/invoices`)
    .send({ period })
    .expect(201);
  return response.body.id as string;
}

/** Everything the browser suite reads, recorded through the API as the operator would. */
export async function portalFixture(service: TestApp): Promise<PortalFixture> {
  const ada = await register(service, {
    name: 'Ada Lovelace',
    timezone: 'Europe/Lisbon',
    plan: 'postpaid',
    phoneNumber: '+351912345678',
  });
  const bob = await register(service, {
    name: 'Bob Baker',
    timezone: 'UTC',
    plan: 'postpaid',
    phoneNumber: '+351912345679',
  });
  const grace = await register(service, {
    name: 'Grace Hopper',
    timezone: 'America/New_York',
    plan: 'prepaid',
    phoneNumber: '+351912345680',
  });
  const newbie = await register(service, {
    name: 'Nadia Newcomer',
    timezone: 'Asia/Tokyo',
    plan: 'postpaid',
    phoneNumber: '+351912345681',
  });
  const hostile = await register(service, {
    name: HOSTILE_NAME,
    timezone: 'UTC',
    plan: 'postpaid',
    phoneNumber: '+351912345682',
  });

  const september = [0, 1, 2].map((i) =>
    aCall({
      phoneNumber: ada.phoneNumber,
      startedAt: `2026-09-1${i}T09:00:00Z`,
      minutes: 2 + i,
      destination: '+14155550100',
    }),
  );
  const october = Array.from({ length: ADA_OCTOBER_CALLS - 1 }, (_, i) =>
    aCall({
      phoneNumber: ada.phoneNumber,
      startedAt: new Date(Date.parse('2026-10-01T00:30:00Z') + i * 5 * 3600_000).toISOString(),
      minutes: 1 + (i % 7),
      destination: `+1415555${String(i).padStart(4, '0')}`,
    }),
  );
  // 23:30 UTC on the 14th is 00:30 on the 15th in Lisbon (summer time).
  october.push(
    aCall({
      phoneNumber: ada.phoneNumber,
      startedAt: '2026-10-14T23:30:00Z',
      minutes: 12,
      destination: '+447700900123',
    }),
  );
  await postCalls(service, [
    ...september,
    ...october,
    aCall({ phoneNumber: bob.phoneNumber, startedAt: '2026-09-03T10:00:00Z', minutes: 7 }),
    aCall({
      phoneNumber: hostile.phoneNumber,
      startedAt: '2026-10-03T10:00:00Z',
      destination: HOSTILE_DESTINATION,
    }),
  ]);
  await service
    .http()
    .post(`/v1/customers/${grace.id}/top-ups`)
    .send({ amount: '10.00', reference: 'pay-1' })
    .expect(201);
  await postCalls(service, [
    aCall({ phoneNumber: grace.phoneNumber, startedAt: '2026-10-10T15:00:00Z', minutes: 5 }),
  ]);

  return {
    ada: { ...ada, invoiceId: await invoice(service, ada.id, '2026-09') },
    bob: { ...bob, invoiceId: await invoice(service, bob.id, '2026-09') },
    grace,
    newbie,
    hostile,
  };
}
