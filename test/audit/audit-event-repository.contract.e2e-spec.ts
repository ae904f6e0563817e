import { randomUUID } from 'node:crypto';
import { AuditEventRepository } from '../../src/audit/application/audit-event.repository';
import type { AuditEvent } from '../../src/audit/domain/audit-event';
import { InMemoryAuditEventRepository } from '../../src/audit/infrastructure/in-memory-audit-event.repository';
import { UnitOfWork } from '../../src/shared/transactions/unit-of-work';
import { startTestApp, TestApp } from '../support/test-app';

interface Adapters {
  events: AuditEventRepository;
  inUnitOfWork: <T>(work: () => Promise<T>) => Promise<T>;
}

function anEvent(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: randomUUID(),
    at: new Date('2026-10-15T12:00:00Z'),
    actor: { kind: 'operator', id: null },
    action: 'customer.created',
    target: { type: 'customer', id: 'c' },
    customerId: randomUUID(),
    requestId: 'req-1',
    details: { name: 'Ada', nested: { amount: '1.50' } },
    ...overrides,
  };
}

/** One contract, two adapters: the in-memory fake can never drift from the real repository. */
function auditEventRepositoryContract(name: string, make: () => Adapters) {
  describe(`AuditEventRepository contract: ${name}`, () => {
    let events: AuditEventRepository;
    let inUnitOfWork: Adapters['inUnitOfWork'];
    beforeEach(() => ({ events, inUnitOfWork } = make()));

    it('gives back what was appended, field for field', async () => {
      const customerId = randomUUID();
      const event = anEvent({ customerId, actor: { kind: 'customer', id: customerId }, requestId: null });
      await inUnitOfWork(() => events.append([event]));
      expect(await events.list({ action: null, customerId, limit: 10, after: null })).toEqual([event]);
    });

    it('lists newest first, filtered by action and customer, after a keyset position', async () => {
      const customerId = randomUUID();
      const at = (minute: number) => new Date(Date.UTC(2026, 9, 15, 12, minute));
      const appended = [
        anEvent({ customerId, at: at(1), action: 'plan.changed' }),
        anEvent({ customerId, at: at(2), action: 'top-up.recorded' }),
        anEvent({ customerId, at: at(3), action: 'plan.changed' }),
        anEvent({ at: at(4), action: 'plan.changed' }),
      ];
      await inUnitOfWork(() => events.append(appended));
      const mine = await events.list({ action: null, customerId, limit: 10, after: null });
      expect(mine.map((event) => event.at.getUTCMinutes())).toEqual([3, 2, 1]);
      const plans = await events.list({ action: 'plan.changed', customerId, limit: 10, after: null });
      expect(plans.map((event) => event.id)).toEqual([appended[2].id, appended[0].id]);
      const after = { at: at(3).toISOString(), id: appended[2].id };
      const older = await events.list({ action: null, customerId, limit: 1, after });
      expect(older.map((event) => event.id)).toEqual([appended[1].id]);
    });
  });
}

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

auditEventRepositoryContract('in memory', () => ({
  events: new InMemoryAuditEventRepository(),
  inUnitOfWork: (work) => work(),
}));
auditEventRepositoryContract('MikroORM', () => ({
  events: service.app.get(AuditEventRepository),
  inUnitOfWork: (work) => service.app.get(UnitOfWork).transactional(work),
}));
