import { PhoneNumber } from '../../src/shared/domain/phone-number';
import { BillingPeriod } from '../../src/shared/domain/billing-period';
import { TimeZone } from '../../src/shared/domain/time-zone';
import { aPhoneNumber } from '../support/mothers';
import { inMemoryService, type InMemoryService } from './in-memory-service';

/** Recording the switch's calls (`RecordCallsUseCase` and `StoreRatedCalls`), on the in-memory adapters. */
describe('Recording calls', () => {
  let service: InMemoryService;
  let phoneNumber: string;
  let customerId: string;

  async function aCustomer(plan: string) {
    phoneNumber = aPhoneNumber();
    const { customer } = await service.registerCustomer.execute({
      name: 'Ada',
      plan,
      phoneNumbers: [phoneNumber],
    });
    customerId = customer.id;
  }

  const aCall = (callId: string, startedAt = '2026-10-05T14:03:00Z', minutes = 3) => ({
    callId,
    phoneNumber,
    startedAt,
    minutes,
  });
  const statuses = async (...calls: object[]) =>
    (await service.recordCalls.execute(calls)).map((outcome) => outcome.status);
  const stored = () => [...service.adapters.calls.table.rows.values()];

  beforeEach(() => {
    service = inMemoryService('2026-10-15T12:00:00Z');
  });

  it('stores a call once per callId: a replay is a duplicate, other content under it is refused', async () => {
    await aCustomer('postpaid');
    expect(await statuses(aCall('a'), aCall('a'), aCall('b'))).toEqual(['created', 'duplicate', 'created']);
    expect(await statuses(aCall('a'), aCall('b', '2026-10-05T14:03:00Z', 4))).toEqual([
      'duplicate',
      'rejected',
    ]);
    expect(stored()).toHaveLength(2);
  });

  it('holds a call from a line no customer has in suspense, and stores the others', async () => {
    await aCustomer('postpaid');
    const [unknown, known] = await service.recordCalls.execute([
      { ...aCall('x'), phoneNumber: aPhoneNumber() },
      aCall('y'),
    ]);
    expect(unknown).toMatchObject({ status: 'rejected', callId: 'x' });
    expect(unknown.status === 'rejected' && unknown.suspendedCallId).toBe(
      service.adapters.suspense.held.get('x')?.suspendedCallId,
    );
    expect(known.status).toBe('created');
  });

  it('counts outcomes once per source kind: file rows apart from API records, held ones as suspended', async () => {
    await aCustomer('postpaid');
    const file = { kind: 'cdr-file' as const, cdrFileId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11', line: 3 };
    const outcomes = await service.recordCalls.execute(
      [
        aCall('api-1'),
        { ...aCall('file-1'), phoneNumber: aPhoneNumber() },
        aCall('file-2'),
        aCall('file-3', 'x'),
      ],
      [{ kind: 'api' }, file, { ...file, line: 4 }, { ...file, line: 5 }],
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'rejected', 'created', 'rejected']);
    expect(outcomes[1]).toMatchObject({ suspendedCallId: expect.any(String) });
    expect(outcomes[3]).not.toHaveProperty('suspendedCallId');
    expect(service.adapters.metrics.callOutcomes).toEqual([
      { source: 'api', counts: { recorded: 1, duplicate: 0, rejected: 0, suspended: 0 } },
      { source: 'cdr-file', counts: { recorded: 1, duplicate: 0, rejected: 1, suspended: 1 } },
    ]);
  });

  it('charges a recycled number to whoever held it when each call started, and holds calls after its release until it is reassigned', async () => {
    await aCustomer('postpaid');
    const [ada, release] = [customerId, new Date('2026-10-10T00:00:00Z')];
    const { customer: bob } = await service.registerCustomer.execute({ name: 'Bob', plan: 'postpaid' });
    await service.adapters.customers.releaseLine(ada, phoneNumber, release);
    const outcomes = await service.recordCalls.execute([
      aCall('before', '2026-10-09T23:59:59Z'),
      aCall('after', '2026-10-10T00:00:00Z'),
    ]);
    expect(outcomes.map((o) => (o.status === 'created' ? o.call.customerId : o.status))).toEqual([
      ada,
      'rejected',
    ]);
    await service.adapters.customers.addLine(bob.id, PhoneNumber.parse(phoneNumber), release, release);
    const [replay, next] = await service.recordCalls.execute([
      aCall('after', '2026-10-10T00:00:00Z'),
      aCall('after-2', '2026-10-10T00:00:00Z'),
    ]);
    // A held call is recorded by a retry of suspense, never beside it by a replay.
    expect(replay).toMatchObject({ status: 'rejected', suspendedCallId: expect.any(String) });
    expect(next.status === 'created' && next.call.customerId).toBe(bob.id);
  });

  it('draws a prepaid call from the balance as far as it goes, and a replay draws nothing', async () => {
    await aCustomer('prepaid');
    await service.topUpBalance.execute(customerId, '0.10', 'pay-1');
    const [first, second] = await service.recordCalls.execute([aCall('p1'), aCall('p2')]);
    await service.recordCalls.execute([aCall('p1')]);

    const covered = [first, second].map((outcome) =>
      outcome.status === 'created' ? outcome.call.coveredByBalance?.toString() : null,
    );
    expect(covered).toEqual(['0.06', '0.04']);
    expect((await service.getBalance.execute(customerId)).balance.toString()).toBe('-0.02');
    expect(
      stored()
        .map((row) => row.call.coveredByBalance?.toString())
        .sort(),
    ).toEqual(['0.04', '0.06']);
  });

  it('marks a call late when its period is invoiced already, under the period lock taken shared', async () => {
    await aCustomer('postpaid');
    service.clock.set('2026-11-01T00:30:00Z');
    const customer = await service.directory.get(customerId);
    await service.issueInvoices.issue([
      { customerId, customer, period: BillingPeriod.parse('2026-10', TimeZone.of('UTC')) },
    ]);

    await service.recordCalls.execute([
      aCall('late', '2026-10-31T23:00:00Z'),
      aCall('now', '2026-11-01T00:10:00Z'),
    ]);

    expect(stored().map((row) => [row.call.callId, row.late])).toEqual([
      ['late', true],
      ['now', false],
    ]);
    expect(service.adapters.periodLocks.taken.filter(({ mode }) => mode === 'shared')).toEqual([
      { mode: 'shared', keys: [{ customerId, period: '2026-10' }] },
    ]);
  });

  it('takes no lock for calls of a period far from closing', async () => {
    await aCustomer('postpaid');
    await statuses(aCall('open', '2026-10-05T14:03:00Z'));
    expect(service.adapters.periodLocks.taken).toEqual([]);
  });
});
