import { randomUUID } from 'node:crypto';
import { BillableCalls, type CallCharges } from '../../src/calls';
import { CallRepository } from '../../src/calls/application/call.repository';
import { InMemoryBillableCalls } from '../../src/calls/infrastructure/in-memory-billable-calls';
import { InMemoryCallRepository } from '../../src/calls/infrastructure/in-memory-call.repository';
import { BillingPeriod } from '../../src/shared/domain/billing-period';
import { Money } from '../../src/shared/domain/money';
import { TimeZone } from '../../src/shared/domain/time-zone';
import { aRatedCall } from '../support/domain-mothers';
import { startTestApp, TestApp } from '../support/test-app';

const utc = (code: string) => BillingPeriod.parse(code, TimeZone.of('UTC'));
const usd = (amount: string) => Money.of(amount, 'USD');

/** Charges as plain values, in a stable order (the store answers groups in no particular order). */
function plain(charges: CallCharges[] | undefined) {
  return (charges ?? [])
    .map((group) => ({
      period: group.period,
      group: group.group,
      unitPrice: group.ratePerMinute.toString(),
      minutes: group.minutes,
      billedSeconds: group.billedSeconds,
      callCount: group.callCount,
      charge: group.charge.amount.toString(),
      covered: group.covered?.amount.toString() ?? null,
    }))
    .sort((a, b) =>
      `${a.period}/${a.group}/${a.unitPrice}`.localeCompare(`${b.period}/${b.group}/${b.unitPrice}`),
    );
}

/**
 * One contract, two adapters each: the in-memory fakes can never drift from the real ones. The
 * call store and billing's view of it (`BillableCalls`) are one table, so they are checked together.
 */
function callStoreContract(name: string, make: () => { calls: CallRepository; billable: BillableCalls }) {
  describe(`CallRepository and BillableCalls contract: ${name}`, () => {
    let calls: CallRepository;
    let billable: BillableCalls;

    beforeEach(() => ({ calls, billable } = make()));

    it('stores a callId once, and answers the stored call for a known one', async () => {
      const first = aRatedCall({ minutes: 3 });
      const outcome = await calls.record([first]);
      expect(outcome.get(first.callId)).toEqual({ inserted: true, call: first });

      const replay = { ...aRatedCall({ minutes: 9 }), callId: first.callId };
      const fresh = aRatedCall();
      const again = await calls.record([replay, fresh]);
      expect(again.get(first.callId)?.inserted).toBe(false);
      expect(again.get(first.callId)?.call).toMatchObject({
        id: first.id,
        minutes: 3,
        coveredByBalance: null,
      });
      expect(again.get(first.callId)?.call.charge.equals(first.charge)).toBe(true);
      expect(again.get(fresh.callId)?.inserted).toBe(true);
    });

    it('finds stored calls by callId, and nothing for an unknown one', async () => {
      const stored = aRatedCall();
      await calls.record([stored]);
      const found = await calls.findByCallIds([stored.callId, `unknown-${randomUUID()}`]);
      expect([...found.keys()]).toEqual([stored.callId]);
      expect(found.get(stored.callId)).toMatchObject({ id: stored.id, callId: stored.callId });
      expect(await calls.findByCallIds([])).toEqual(new Map());
    });

    it('keeps what a balance covered of a call', async () => {
      const call = aRatedCall();
      await calls.record([call]);
      await calls.setCoveredByBalance(new Map([[call.id, usd('0.045')]]));
      const replay = await calls.record([{ ...call, id: randomUUID() }]);
      expect(replay.get(call.callId)?.call.coveredByBalance?.toString()).toBe('0.045');
    });

    it("sums a period's calls per period and unit price, by the period's bounds", async () => {
      const customerId = randomUUID();
      const other = randomUUID();
      await calls.record([
        aRatedCall({ customerId, startedAt: '2026-10-01T00:00:00Z', minutes: 2 }),
        aRatedCall({ customerId, startedAt: '2026-10-31T23:59:59Z', minutes: 3 }),
        aRatedCall({ customerId, startedAt: '2026-10-15T12:00:00Z', minutes: 4, ratePerMinute: '0.015' }),
        aRatedCall({ customerId, startedAt: '2026-11-01T00:00:00Z', minutes: 50 }),
        aRatedCall({ customerId, startedAt: '2026-09-30T23:59:59Z', minutes: 60 }),
        aRatedCall({ customerId: other, startedAt: '2026-10-10T00:00:00Z', minutes: 7 }),
      ]);
      const usage = await billable.usageOf([
        { customerId, period: utc('2026-10') },
        { customerId: randomUUID(), period: utc('2026-10') },
      ]);

      expect([...usage.keys()]).toEqual([customerId]);
      expect(plain(usage.get(customerId))).toEqual([
        {
          period: '2026-10',
          group: 'default',
          unitPrice: '0.015',
          minutes: 4,
          billedSeconds: 240,
          callCount: 1,
          charge: '0.06',
          covered: null,
        },
        {
          period: '2026-10',
          group: 'default',
          unitPrice: '0.02',
          minutes: 5,
          billedSeconds: 300,
          callCount: 2,
          charge: '0.1',
          covered: null,
        },
      ]);
    });

    it('sums per rate: one price in two destination groups is two groups, in billed seconds', async () => {
      const customerId = randomUUID();
      const rated = (group: string, durationSeconds: number, billedSeconds: number, charge: string) =>
        aRatedCall({ customerId, group, ratePerMinute: '0.05', durationSeconds, billedSeconds, charge });
      await calls.record([
        rated('Portugal mobile', 61, 61, '0.050833'),
        rated('Portugal mobile', 1, 60, '0.05'),
        rated('UK mobile', 61, 120, '0.1'),
      ]);
      const usage = await billable.usageOf([{ customerId, period: utc('2026-10') }]);
      expect(plain(usage.get(customerId))).toEqual([
        {
          period: '2026-10',
          group: 'Portugal mobile',
          unitPrice: '0.05',
          minutes: 3,
          billedSeconds: 121,
          callCount: 2,
          charge: '0.100833',
          covered: null,
        },
        {
          period: '2026-10',
          group: 'UK mobile',
          unitPrice: '0.05',
          minutes: 2,
          billedSeconds: 120,
          callCount: 1,
          charge: '0.1',
          covered: null,
        },
      ]);
    });

    it('sums what balances covered, skipping calls they did not cover', async () => {
      const customerId = randomUUID();
      const [a, b, c] = [1, 2, 3].map((minutes) => aRatedCall({ customerId, minutes }));
      await calls.record([a, b, c]);
      await calls.setCoveredByBalance(
        new Map([
          [a.id, usd('0.02')],
          [b.id, usd('0.005')],
        ]),
      );
      const usage = await billable.usageOf([{ customerId, period: utc('2026-10') }]);
      expect(plain(usage.get(customerId))).toEqual([
        {
          period: '2026-10',
          group: 'default',
          unitPrice: '0.02',
          minutes: 6,
          billedSeconds: 360,
          callCount: 3,
          charge: '0.12',
          covered: '0.025',
        },
      ]);
    });

    it('leaves late calls out of usage, and lets the next invoice claim them once', async () => {
      const customerId = randomUUID();
      const september = aRatedCall({ customerId, startedAt: '2026-09-20T00:00:00Z', minutes: 5 });
      const august = aRatedCall({ customerId, startedAt: '2026-08-20T00:00:00Z', minutes: 6 });
      const october = aRatedCall({ customerId, startedAt: '2026-10-02T00:00:00Z', minutes: 7 });
      await calls.record([september, august, october]);
      await calls.markLate([september.id, august.id, october.id]);

      expect(await billable.usageOf([{ customerId, period: utc('2026-09') }])).toEqual(new Map());
      expect(plain(await billable.unbilledLateCalls(customerId, '2026-10'))).toEqual([
        {
          period: '2026-08',
          group: 'default',
          unitPrice: '0.02',
          minutes: 6,
          billedSeconds: 360,
          callCount: 1,
          charge: '0.12',
          covered: null,
        },
        {
          period: '2026-09',
          group: 'default',
          unitPrice: '0.02',
          minutes: 5,
          billedSeconds: 300,
          callCount: 1,
          charge: '0.1',
          covered: null,
        },
      ]);

      const claimed = await billable.claimLateCalls([
        { customerId, period: '2026-10', invoiceId: randomUUID() },
      ]);
      expect(plain(claimed.get(customerId))).toEqual([
        {
          period: '2026-08',
          group: 'default',
          unitPrice: '0.02',
          minutes: 6,
          billedSeconds: 360,
          callCount: 1,
          charge: '0.12',
          covered: null,
        },
        {
          period: '2026-09',
          group: 'default',
          unitPrice: '0.02',
          minutes: 5,
          billedSeconds: 300,
          callCount: 1,
          charge: '0.1',
          covered: null,
        },
      ]);
      // Claimed once: another invoice of the same period finds nothing; a later one finds October's.
      expect(
        await billable.claimLateCalls([{ customerId, period: '2026-10', invoiceId: randomUUID() }]),
      ).toEqual(new Map());
      const november = await billable.claimLateCalls([
        { customerId, period: '2026-11', invoiceId: randomUUID() },
      ]);
      expect(plain(november.get(customerId))).toEqual([
        {
          period: '2026-10',
          group: 'default',
          unitPrice: '0.02',
          minutes: 7,
          billedSeconds: 420,
          callCount: 1,
          charge: '0.14',
          covered: null,
        },
      ]);
      expect(await billable.unbilledLateCalls(customerId, '2027-01')).toEqual([]);
    });

    it('claims only late calls of periods before the claiming invoice', async () => {
      const customerId = randomUUID();
      const october = aRatedCall({ customerId, startedAt: '2026-10-02T00:00:00Z' });
      await calls.record([october]);
      await calls.markLate([october.id]);
      expect(
        await billable.claimLateCalls([{ customerId, period: '2026-10', invoiceId: randomUUID() }]),
      ).toEqual(new Map());
      expect(plain(await billable.unbilledLateCalls(customerId, '2026-11'))).toHaveLength(1);
    });

    it('finds the customers with calls in a period, or before an instant', async () => {
      const [busy, early, idle] = [randomUUID(), randomUUID(), randomUUID()];
      await calls.record([
        aRatedCall({ customerId: busy, startedAt: '2026-10-31T23:00:00Z' }),
        aRatedCall({ customerId: early, startedAt: '2025-03-01T00:00:00Z' }),
      ]);
      const october = utc('2026-10');
      expect(
        await billable.customersWithCallsIn(
          [busy, early, idle].map((customerId) => ({ customerId, period: october })),
        ),
      ).toEqual(new Set([busy]));
      const before = new Date('2026-01-01T00:00:00Z');
      expect(
        await billable.customersWithCallsBefore(
          [busy, early, idle].map((customerId) => ({ customerId, before })),
        ),
      ).toEqual(new Set([early]));
    });

    it('lists the distinct periods of the calls before an instant', async () => {
      const customerId = randomUUID();
      await calls.record([
        aRatedCall({ customerId, startedAt: '1999-12-05T00:00:00Z' }),
        aRatedCall({ customerId, startedAt: '2025-03-01T00:00:00Z' }),
        aRatedCall({ customerId, startedAt: '2025-03-31T23:00:00Z' }),
        aRatedCall({ customerId, startedAt: '2025-05-10T00:00:00Z' }),
        aRatedCall({ customerId, startedAt: '2026-02-01T00:00:00Z' }),
      ]);
      const periods = await billable.periodsOfCallsBefore([
        { customerId, before: new Date('2026-01-01T00:00:00Z') },
        { customerId: randomUUID(), before: new Date('2026-01-01T00:00:00Z') },
      ]);
      expect([...periods.keys()]).toEqual([customerId]);
      expect([...periods.get(customerId)!].sort()).toEqual(['1999-12', '2025-03', '2025-05']);
    });
  });
}

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

callStoreContract('in-memory', () => {
  const calls = new InMemoryCallRepository();
  return { calls, billable: new InMemoryBillableCalls(calls.table) };
});
callStoreContract('MikroORM (PostgreSQL)', () => ({
  calls: service.app.get(CallRepository),
  billable: service.app.get(BillableCalls),
}));
