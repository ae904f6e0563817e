import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCall, aCustomer, CreatedCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';
import { aTestFolder, removeTestFolder } from '../support/test-folders';

const deck = (portugalMobile: string) => [
  { prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' },
  { prefix: '+3519', group: 'Portugal mobile', ratePerMinute: portugalMobile },
  { prefix: '+1', group: 'US and Canada', ratePerMinute: '0.01' },
];

const catalog = {
  postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
  intl: {
    type: 'postpaid',
    currency: 'USD',
    ratePerMinute: '0.03',
    billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
    connectFee: '0.00',
    destinations: deck('0.05'),
    versions: [{ effectiveFrom: '2026-11-01T00:00:00Z', destinations: deck('0.07') }],
  },
  'deck-only': {
    type: 'postpaid',
    currency: 'USD',
    destinations: [{ prefix: '+44', group: 'United Kingdom', ratePerMinute: '0.03' }],
  },
  'prepaid-intl': {
    type: 'prepaid',
    currency: 'USD',
    ratePerMinute: '0.02',
    billingIncrement: { firstSeconds: 30, nextSeconds: 6 },
    connectFee: '0.01',
    destinations: [{ prefix: '+447', group: 'United Kingdom mobile', ratePerMinute: '0.12' }],
  },
  'flat-1': {
    type: 'flat',
    monthlyFee: '5.00',
    includedMinutes: 1,
    overageRatePerMinute: '0.03',
    billingIncrement: { firstSeconds: 1, nextSeconds: 1 },
    currency: 'USD',
  },
};

interface CallBody {
  id: string;
  minutes: number;
  durationSeconds: number;
  billedSeconds: number;
  rate: { group: string; ratePerMinute: string };
  charge: { amount: string; currency: string };
  coveredByBalance?: { amount: string; currency: string };
}

interface LineBody {
  kind: string;
  description: string;
  group?: string;
  billedSeconds?: number;
  quantity: number;
  unitPrice: string | null;
  amount: string;
}

/** A decimal string of at most 6 decimals as whole millionths: exact sums without a float. */
const micros = (amount: string) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};

/** Millionths rounded half-up to the cent, written as an invoice writes amounts. */
const centsOf = (sum: bigint) => {
  const cents = (sum + 5_000n) / 10_000n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};

describe('Calls rated in seconds by destination, through the API and the invoices', () => {
  let service: TestApp;
  let folder: string;

  beforeAll(async () => {
    folder = aTestFolder('rated-calls');
    const file = join(folder, 'plans.json');
    writeFileSync(file, JSON.stringify(catalog));
    service = await startTestApp({
      now: '2026-11-10T12:00:00Z',
      env: { BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'postpaid' },
    });
  });
  afterAll(async () => {
    await service.close();
    removeTestFolder(folder);
  });

  const post = (body: Record<string, unknown>) => service.http().post('/v1/calls').send(body);
  const record = async (customer: CreatedCustomer, call: Record<string, unknown>) =>
    (await post(aCall({ phoneNumber: customer.phoneNumber, ...call })).expect(201)).body as CallBody;
  const october = '2026-10-20T10:00:00Z';
  const storedCalls = async (callId: string) =>
    (await service.sql<{ n: string }>('SELECT count(*) AS n FROM calls WHERE call_id = $1', [callId]))[0].n;
  const issue = async (customer: CreatedCustomer, period: string) =>
    (await service.http().post(`/v1/customers/${customer.id}/invoices`).send({ period }).expect(201))
      .body as {
      billedSeconds: number;
      minutes: number;
      lines: LineBody[];
      total: { amount: string };
    };

  describe('durationSeconds or minutes', () => {
    it('takes exactly one of the two: both or neither is a 400 naming both', async () => {
      const customer = await aCustomer(service);
      for (const body of [
        aCall({ phoneNumber: customer.phoneNumber, minutes: 3, durationSeconds: 180 }),
        { ...aCall({ phoneNumber: customer.phoneNumber }), minutes: undefined },
      ]) {
        const response = await post(body).expect(400);
        expect(response.body.type).toContain('/problems/invalid-duration');
        expect(response.body.detail).toBe('give exactly one of minutes and durationSeconds');
        expect(await storedCalls(body.callId as string)).toBe('0');
      }
      const batch = await service
        .http()
        .post('/v1/calls/batch')
        .send({ calls: [aCall({ phoneNumber: customer.phoneNumber, minutes: 1, durationSeconds: 60 })] })
        .expect(200);
      expect(batch.body.rejected).toEqual([
        expect.objectContaining({
          index: 0,
          status: 400,
          type: expect.stringContaining('/invalid-duration'),
        }),
      ]);
    });

    it('refuses durationSeconds that is not a whole number from 1 to MAX_CALL_MINUTES × 60', async () => {
      const customer = await aCustomer(service);
      for (const durationSeconds of [0, 1.5, 1440 * 60 + 1]) {
        const response = await post(aCall({ phoneNumber: customer.phoneNumber, durationSeconds })).expect(
          400,
        );
        expect(response.body.type).toContain('/problems/invalid-duration-seconds');
      }
    });

    it('answers durationSeconds, billedSeconds, minutes and the rate of a call sent in minutes', async () => {
      const customer = await aCustomer(service);
      expect(await record(customer, { minutes: 3, startedAt: october })).toMatchObject({
        minutes: 3,
        durationSeconds: 180,
        billedSeconds: 180,
        rate: { group: 'default', ratePerMinute: '0.02' },
        charge: { amount: '0.06', currency: 'USD' },
      });
    });

    it('replays minutes 3 as durationSeconds 180 as the same call, and 181 as a conflict', async () => {
      const customer = await aCustomer(service);
      const first = aCall({ phoneNumber: customer.phoneNumber, minutes: 3, startedAt: october });
      const stored = (await post(first).expect(201)).body as CallBody;
      const inSeconds = { ...first, minutes: undefined };
      const replay = await post({ ...inSeconds, durationSeconds: 180 }).expect(200);
      expect(replay.body.id).toBe(stored.id);
      const conflict = await post({ ...inSeconds, durationSeconds: 181 }).expect(409);
      expect(conflict.body.type).toContain('/problems/call-id-conflict');
      expect(await storedCalls(first.callId as string)).toBe('1');
    });
  });

  describe('rating by destination', () => {
    it('rates a call by the longest prefix of its destination, per second after the first minute', async () => {
      const customer = await aCustomer(service, { plan: 'intl' });
      const mobile = await record(customer, {
        destination: '+351 91 234 5678',
        durationSeconds: 61,
        startedAt: october,
      });
      expect(mobile).toMatchObject({
        minutes: 2,
        durationSeconds: 61,
        billedSeconds: 61,
        rate: { group: 'Portugal mobile', ratePerMinute: '0.05' },
        charge: { amount: '0.050833', currency: 'USD' },
      });
      expect(
        await record(customer, { destination: '+14155550100', durationSeconds: 30, startedAt: october }),
      ).toMatchObject({
        billedSeconds: 60,
        rate: { group: 'US and Canada', ratePerMinute: '0.01' },
        charge: { amount: '0.01' },
      });
      expect(
        await record(customer, { destination: null, durationSeconds: 61, startedAt: october }),
      ).toMatchObject({
        rate: { group: 'default', ratePerMinute: '0.03' },
        charge: { amount: '0.0305' },
      });

      const history = await service
        .http()
        .get(`/v1/customers/${customer.id}/calls?period=2026-10`)
        .expect(200);
      expect(history.body.data.find((call: CallBody) => call.id === mobile.id)).toMatchObject({
        durationSeconds: 61,
        billedSeconds: 61,
        minutes: 2,
        rate: { group: 'Portugal mobile', ratePerMinute: '0.05' },
        charge: { amount: '0.050833', currency: 'USD' },
      });
    });

    it("reads a national-form destination in the calling line's country", async () => {
      const customer = await aCustomer(service, { plan: 'intl' });
      expect(
        await record(customer, { destination: '912 345 678', durationSeconds: 60, startedAt: october }),
      ).toMatchObject({
        rate: { group: 'Portugal mobile', ratePerMinute: '0.05' },
        charge: { amount: '0.05' },
      });
    });

    it('holds a call no prefix prices on a deck without a default rate: 422 with its suspendedCallId, no call stored', async () => {
      const customer = await aCustomer(service, { plan: 'deck-only' });
      for (const destination of ['+14155550100', null]) {
        const call = aCall({ phoneNumber: customer.phoneNumber, destination, startedAt: october });
        const response = await post(call).expect(422);
        expect(response.body.type).toBe('https://phone-billing.dev/problems/no-rate-for-destination');
        expect(await storedCalls(call.callId as string)).toBe('0');
        const held = await service.sql('SELECT id, reason, status FROM suspended_calls WHERE call_id = $1', [
          call.callId,
        ]);
        expect(held).toEqual([{ id: response.body.suspendedCallId, reason: 'no-rate', status: 'suspended' }]);
      }
    });

    it('holds only the unpriced item of a batch, answered with that problem, and stores the others', async () => {
      const customer = await aCustomer(service, { plan: 'deck-only' });
      const priced = aCall({
        phoneNumber: customer.phoneNumber,
        destination: '+442079460958',
        startedAt: october,
      });
      const unpriced = aCall({
        phoneNumber: customer.phoneNumber,
        destination: '+14155550100',
        startedAt: october,
      });
      const response = await service
        .http()
        .post('/v1/calls/batch')
        .send({ calls: [priced, unpriced] })
        .expect(200);
      expect(response.body).toMatchObject({
        accepted: 1,
        duplicates: 0,
        suspended: 1,
        rejected: [
          {
            index: 1,
            callId: unpriced.callId,
            status: 422,
            type: 'https://phone-billing.dev/problems/no-rate-for-destination',
            suspendedCallId: expect.any(String),
          },
        ],
      });
      expect(await storedCalls(priced.callId as string)).toBe('1');
      expect(await storedCalls(unpriced.callId as string)).toBe('0');
    });

    it('keeps the price of the version in force when a late call started', async () => {
      const customer = await aCustomer(service, { plan: 'intl' });
      await record(customer, { destination: '+351912345678', durationSeconds: 60, startedAt: october });
      await issue(customer, '2026-10');

      const late = await record(customer, {
        destination: '+351912345678',
        durationSeconds: 120,
        startedAt: '2026-10-25T10:00:00Z',
      });
      expect(late).toMatchObject({
        rate: { group: 'Portugal mobile', ratePerMinute: '0.05' },
        charge: { amount: '0.10' },
      });
      const november = await record(customer, {
        destination: '+351912345678',
        durationSeconds: 60,
        startedAt: '2026-11-02T10:00:00Z',
      });
      expect(november.rate).toEqual({ group: 'Portugal mobile', ratePerMinute: '0.07' });

      const upcoming = await service.http().get(`/v1/customers/${customer.id}/invoices/upcoming`).expect(200);
      expect(upcoming.body.lines).toEqual([
        expect.objectContaining({
          kind: 'usage',
          group: 'Portugal mobile',
          unitPrice: '0.07',
          amount: '0.07',
        }),
        expect.objectContaining({
          kind: 'late_usage',
          period: '2026-10',
          group: 'Portugal mobile',
          billedSeconds: 120,
          quantity: 2,
          unitPrice: '0.05',
          amount: '0.10',
        }),
      ]);
    });
  });

  describe('invoices', () => {
    it("bills one usage line per rate whose amount is its calls' charges summed, and the invoice's billed seconds", async () => {
      const customer = await aCustomer(service, { plan: 'intl' });
      for (const [destination, durationSeconds] of [
        ['+351912345678', 61],
        ['+351912345678', 61],
        ['+351912345678', 125],
        ['+14155550100', 30],
        ['+14155550100', 90],
        [null, 61],
      ] as const)
        await record(customer, { destination, durationSeconds, startedAt: october });

      const invoice = await issue(customer, '2026-10');
      const history = (
        await service.http().get(`/v1/customers/${customer.id}/calls?period=2026-10&limit=50`).expect(200)
      ).body.data as CallBody[];
      for (const line of invoice.lines) {
        const calls = history.filter(
          (call) => call.rate.group === line.group && call.rate.ratePerMinute === line.unitPrice,
        );
        expect(line.amount).toBe(centsOf(calls.reduce((sum, call) => sum + micros(call.charge.amount), 0n)));
        expect(line.billedSeconds).toBe(calls.reduce((sum, call) => sum + call.billedSeconds, 0));
      }
      expect(invoice.lines).toEqual([
        {
          kind: 'usage',
          description: 'US and Canada: 2.5 minutes at 0.01 USD',
          period: '2026-10',
          group: 'US and Canada',
          billedSeconds: 150,
          quantity: 2.5,
          unitPrice: '0.01',
          amount: '0.03',
        },
        {
          kind: 'usage',
          description: '1.02 minutes at 0.03 USD',
          period: '2026-10',
          group: 'default',
          billedSeconds: 61,
          quantity: 1.02,
          unitPrice: '0.03',
          amount: '0.03',
        },
        {
          kind: 'usage',
          description: 'Portugal mobile: 4.12 minutes at 0.05 USD',
          period: '2026-10',
          group: 'Portugal mobile',
          billedSeconds: 247,
          quantity: 4.12,
          unitPrice: '0.05',
          amount: '0.21',
        },
      ]);
      expect(invoice.billedSeconds).toBe(458);
      expect(invoice.minutes).toBe(12);
      expect(invoice.total.amount).toBe('0.27');
    });

    it("bills a flat plan's overage in billed seconds beyond the included minutes", async () => {
      const customer = await aCustomer(service, { plan: 'flat-1' });
      await record(customer, { durationSeconds: 45, startedAt: october });
      await record(customer, { durationSeconds: 50, startedAt: october });
      const invoice = await issue(customer, '2026-10');
      expect(invoice.billedSeconds).toBe(95);
      expect(invoice.lines).toEqual([
        expect.objectContaining({ kind: 'fixed_fee', amount: '5.00' }),
        {
          kind: 'overage',
          description: '0.58 minutes beyond the 1 included, at 0.03 USD',
          period: '2026-10',
          billedSeconds: 35,
          quantity: 0.58,
          unitPrice: '0.03',
          amount: '0.02',
        },
      ]);
    });
  });

  describe('prepaid', () => {
    it('answers remainingSeconds for a destination, by its rate, increments and connect fee', async () => {
      const customer = await aCustomer(service, { plan: 'prepaid-intl' });
      await service
        .http()
        .post(`/v1/customers/${customer.id}/top-ups`)
        .send({ amount: '1.00', reference: 'pay-1' })
        .expect(201);
      const balance = (query = '') =>
        service.http().get(`/v1/customers/${customer.id}/balance${query}`).expect(200);

      expect((await balance()).body).toEqual({
        balance: { amount: '1.00', currency: 'USD' },
        remainingMinutes: 50,
      });
      // 0.01 + 492 s × 0.12 / 60 = 0.994 is paid in full; the next increment (498 s) costs 1.006.
      expect((await balance('?destination=%2B447700900123')).body).toEqual({
        balance: { amount: '1.00', currency: 'USD' },
        remainingMinutes: 8,
        remainingSeconds: 492,
      });
    });

    it('draws the rated charge, connect fee and increments included, from the balance', async () => {
      const customer = await aCustomer(service, { plan: 'prepaid-intl' });
      await service
        .http()
        .post(`/v1/customers/${customer.id}/top-ups`)
        .send({ amount: '1.00', reference: 'pay-2' })
        .expect(201);
      const call = await record(customer, {
        destination: '+447700900123',
        durationSeconds: 31,
        startedAt: '2026-11-10T11:00:00Z',
      });
      expect(call).toMatchObject({
        billedSeconds: 36,
        rate: { group: 'United Kingdom mobile', ratePerMinute: '0.12' },
        charge: { amount: '0.082' },
        coveredByBalance: { amount: '0.082' },
      });
      expect(
        (await service.http().get(`/v1/customers/${customer.id}/balance`).expect(200)).body.balance,
      ).toEqual({ amount: '0.918', currency: 'USD' });
    });
  });
});
