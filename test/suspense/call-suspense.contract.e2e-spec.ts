import { randomUUID } from 'node:crypto';
import { CallSuspense, type CallToHold } from '../../src/calls';
import { InMemoryCallSuspense } from '../../src/suspense/infrastructure/in-memory-call-suspense';
import { UnitOfWork } from '../../src/shared/transactions/unit-of-work';
import { startTestApp, TestApp } from '../support/test-app';

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

function toHold(
  overrides: Partial<CallToHold['record']> = {},
  reason: CallToHold['reason'] = 'no-rate',
): CallToHold {
  return {
    record: {
      callId: `held-${randomUUID()}`,
      phoneNumber: '+351912000001',
      destination: '+14155550100',
      startedAt: new Date('2026-10-05T14:03:00Z'),
      durationSeconds: 61,
      ...overrides,
    },
    reason,
    source: { kind: 'api' },
    receivedAt: new Date('2026-10-15T12:00:00Z'),
  };
}

/** One contract for the calls module's `CallSuspense` port: the in-memory fake and the suspense module's adapter. */
function callSuspenseContract(
  name: string,
  make: () => { suspense: CallSuspense; inTransaction: UnitOfWork | null },
) {
  describe(`CallSuspense contract: ${name}`, () => {
    let suspense: CallSuspense;
    let unitOfWork: UnitOfWork | null;
    const hold = (calls: CallToHold[]) =>
      unitOfWork ? unitOfWork.transactional(() => suspense.hold(calls)) : suspense.hold(calls);

    beforeEach(() => ({ suspense, inTransaction: unitOfWork } = make()));

    it('holds a record once per callId, keeping its first content and id', async () => {
      const first = toHold();
      const held = await hold([first]);
      expect(held.get(first.record.callId)).toEqual({
        suspendedCallId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        record: first.record,
        reason: 'no-rate',
        status: 'suspended',
      });
      const other = toHold({ callId: first.record.callId, durationSeconds: 999 }, 'unknown-phone-number');
      const again = await hold([other]);
      expect(again.get(first.record.callId)).toEqual(held.get(first.record.callId));
    });

    it('answers the held calls among callIds, and nothing for the others', async () => {
      const [a, b] = [toHold(), toHold({ destination: null }, 'unknown-phone-number')];
      await hold([a, b]);
      const found = await suspense.heldAmong([b.record.callId, `never-${randomUUID()}`]);
      expect([...found.keys()]).toEqual([b.record.callId]);
      expect(found.get(b.record.callId)).toMatchObject({ record: b.record, reason: 'unknown-phone-number' });
      expect(await suspense.heldAmong([])).toEqual(new Map());
    });
  });
}

callSuspenseContract('in-memory', () => ({ suspense: new InMemoryCallSuspense(), inTransaction: null }));
callSuspenseContract('suspended_calls (PostgreSQL)', () => ({
  suspense: service.app.get(CallSuspense),
  inTransaction: service.app.get(UnitOfWork),
}));
