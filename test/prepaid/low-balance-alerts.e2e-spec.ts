import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PLAN_CATALOG } from '../../src/billing-plans/domain/plan-catalog';
import { deliveryEnv, dispatcherOf, verifiedPayload } from '../support/delivery';
import { aCall, aCustomer, type CreatedCustomer } from '../support/mothers';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text';
import { startTestApp, type TestApp } from '../support/test-app';
import { aTestFolder, removeTestFolder } from '../support/test-folders';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver';

const NOW = '2026-10-15T12:00:00Z';
/** Prepaid at 0.10 a minute, alerting below 1.00. */
const PLANS = {
  ...DEFAULT_PLAN_CATALOG,
  prepaid: { type: 'prepaid', ratePerMinute: '0.10', currency: 'USD', lowBalanceThreshold: '1.00' },
};
const DELIVERIES = 'phone_billing_deliveries_total';

let folder: string;
/** The service's settings for PLANS, with these delivery settings. */
const withPlans = (env: Record<string, string>) => {
  const plans = join(folder, 'plans.json');
  writeFileSync(plans, JSON.stringify(PLANS));
  return { ...env, BILLING_PLANS_FILE: plans, DEFAULT_PLAN: 'postpaid' };
};
beforeAll(() => (folder = aTestFolder('low-balance-alerts')));
afterAll(() => removeTestFolder(folder));

const topUpOf = (service: TestApp, customer: CreatedCustomer, amount: string, reference: string) =>
  service.http().post(`/v1/customers/${customer.id}/top-ups`).send({ amount, reference }).expect(201);
const callOf = (service: TestApp, customer: CreatedCustomer, minutes: number) =>
  service
    .http()
    .post('/v1/calls')
    .send(aCall({ phoneNumber: customer.phoneNumber, minutes, startedAt: '2026-10-15T10:00:00Z' }))
    .expect(201);

describe('balance.low alerts, through the outbox and the signed webhook', () => {
  let receiver: WebhookReceiver;
  let service: TestApp;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    service = await startTestApp({ now: NOW, env: withPlans(deliveryEnv({ webhookUrl: receiver.url })) });
  });
  afterAll(async () => {
    await service.close();
    await receiver.close();
  });
  beforeEach(() => service.clock.set(NOW));

  const topUp = (customer: CreatedCustomer, amount: string, reference: string) =>
    topUpOf(service, customer, amount, reference);
  const call = (customer: CreatedCustomer, minutes: number) => callOf(service, customer, minutes);
  const dispatch = () => dispatcherOf(service).dispatchDue();
  /** The balance.low webhooks the receiver got for this customer, signature verified. */
  const webhooksOf = (customer: CreatedCustomer): ReceivedWebhook[] =>
    receiver.received.filter(
      (webhook) => (verifiedPayload(webhook) as { customerId?: string }).customerId === customer.id,
    );
  const queuedFor = (customer: CreatedCustomer) =>
    service.sql<{ status: string; attempts: number; webhook_id: string; invoice_id: string | null }>(
      `SELECT status, attempts, webhook_id, invoice_id FROM invoice_deliveries
       WHERE kind = 'balance.low' AND payload->>'customerId' = $1 ORDER BY created_at, id`,
      [customer.id],
    );
  const usd = (amount: string) => ({ amount, currency: 'USD' });

  it('sends one signed balance.low webhook, with the exact payload, when a call takes the balance below the threshold', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '1.50', 'pay-1');
    await call(customer, 4); // 1.10: above
    await call(customer, 2); // 0.90: crossed
    await dispatch();

    const [webhook, ...others] = webhooksOf(customer);
    expect(others).toEqual([]);
    const expected = {
      type: 'balance.low',
      customerId: customer.id,
      balance: usd('0.90'),
      threshold: usd('1.00'),
      at: '2026-10-15T12:00:00.000Z',
    };
    expect(verifiedPayload(webhook)).toEqual(expected);
    expect(webhook.body).toBe(JSON.stringify(expected));
    expect(webhook.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(await queuedFor(customer)).toEqual([
      { status: 'delivered', attempts: 1, webhook_id: webhook.headers['webhook-id'], invoice_id: null },
    ]);
  });

  it('raises exactly one event for 20 concurrent calls that cross the threshold together', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '2.50', 'pay-1');
    await Promise.all(Array.from({ length: 20 }, () => call(customer, 1)));
    await dispatch();

    expect(await queuedFor(customer)).toHaveLength(1);
    const payloads = webhooksOf(customer).map(
      (webhook) => verifiedPayload(webhook) as { balance: { amount: string }; threshold: unknown },
    );
    expect(payloads).toHaveLength(1);
    // The balance the crossing drawdown left: one call, or a coalesced group of them, below 1.00.
    expect(['0.90', '0.80', '0.70', '0.60', '0.50']).toContain(payloads[0].balance.amount);
    expect(payloads[0].threshold).toEqual(usd('1.00'));
    const [{ balance }] = await service.sql<{ balance: string }>(
      'SELECT balance FROM prepaid_balances WHERE customer_id = $1',
      [customer.id],
    );
    expect(balance).toBe('0.50');
  });

  it('sends nothing for calls further below the threshold, nor for a top-up that stays below it', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '1.10', 'pay-1');
    await call(customer, 2); // 0.90: the one alert
    await call(customer, 3); // 0.60
    await topUp(customer, '0.30', 'pay-2'); // 0.90: below, not re-armed
    await call(customer, 1); // 0.80
    await dispatch();

    expect(webhooksOf(customer)).toHaveLength(1);
    expect(await queuedFor(customer)).toHaveLength(1);
  });

  it('sends a second event once a top-up took the balance back above the threshold and a call crosses it again', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '1.10', 'pay-1');
    await call(customer, 2); // 0.90: first alert
    await topUp(customer, '1.00', 'pay-2'); // 1.90: re-armed
    await call(customer, 10); // 0.90: second alert
    await dispatch();

    const webhooks = webhooksOf(customer);
    expect(webhooks.map((webhook) => (verifiedPayload(webhook) as { balance: unknown }).balance)).toEqual([
      usd('0.90'),
      usd('0.90'),
    ]);
    expect(new Set(webhooks.map((webhook) => webhook.headers['webhook-id'])).size).toBe(2);
  });

  it('retries an event the receiver refused, after the backoff, with the same webhook-id, and counts the attempts', async () => {
    const before = parsePrometheusText((await service.http().get('/metrics').expect(200)).text);
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUp(customer, '1.10', 'pay-1');
    const first = receiver.received.length;
    receiver.answer((index) => (index === first ? 500 : 204));
    await call(customer, 2);

    await dispatch();
    await dispatch(); // still in its backoff: nothing sent
    expect(webhooksOf(customer).map((webhook) => webhook.status)).toEqual([500]);
    service.clock.set('2026-10-15T12:00:31Z'); // past the first backoff (DELIVERY_RETRY_BASE_MS, 30 s)
    await dispatch();

    const webhooks = webhooksOf(customer);
    expect(webhooks.map((webhook) => webhook.status)).toEqual([500, 204]);
    expect(webhooks[1].headers['webhook-id']).toBe(webhooks[0].headers['webhook-id']);
    expect(webhooks[1].body).toBe(webhooks[0].body);
    expect(await queuedFor(customer)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 2 }),
    ]);

    const after = parsePrometheusText((await service.http().get('/metrics').expect(200)).text);
    const moved = (status: string) => {
      const labels = { channel: 'webhook', kind: 'balance.low', status };
      return sampleValue(after, DELIVERIES, labels)! - sampleValue(before, DELIVERIES, labels)!;
    };
    expect({ retried: moved('retried'), delivered: moved('delivered'), failed: moved('failed') }).toEqual({
      retried: 1,
      delivered: 1,
      failed: 0,
    });
    receiver.answer(() => 204);
  });
});

describe('balance.low alerts without a webhook', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: NOW, env: withPlans({}) });
  });
  afterAll(() => service.close());

  it('queues nothing when INVOICE_WEBHOOK_URL is not set, and still disarms the alert', async () => {
    const customer = await aCustomer(service, { plan: 'prepaid' });
    await topUpOf(service, customer, '1.10', 'pay-1');
    await callOf(service, customer, 2); // 0.90: crossed

    expect(await service.sql(`SELECT id FROM invoice_deliveries WHERE kind = 'balance.low'`)).toEqual([]);
    expect(
      await service.sql('SELECT low_balance_armed FROM prepaid_balances WHERE customer_id = $1', [
        customer.id,
      ]),
    ).toEqual([{ low_balance_armed: false }]);
  });
});
