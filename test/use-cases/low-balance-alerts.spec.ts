import { DEFAULT_PLAN_CATALOG } from '../../src/billing-plans/domain/plan-catalog';
import { aPhoneNumber } from '../support/mothers';
import { inMemoryService, type InMemoryService } from './in-memory-service';

/** A prepaid plan at 0.10 a minute that alerts below 1.00. */
const PLANS = {
  ...DEFAULT_PLAN_CATALOG,
  prepaid: { type: 'prepaid', ratePerMinute: '0.10', currency: 'USD', lowBalanceThreshold: '1.00' },
};

/** balance.low alerts raised by drawdowns and re-armed by credits (`PrepaidCharges`), in memory. */
describe('Low-balance alerts of prepaid calls', () => {
  let service: InMemoryService;
  let phoneNumber: string;
  let customerId: string;
  let callIds = 0;

  beforeEach(async () => {
    service = inMemoryService('2026-10-15T12:00:00Z', {}, PLANS);
    phoneNumber = aPhoneNumber();
    ({
      customer: { id: customerId },
    } = await service.registerCustomer.execute({
      name: 'Ada',
      plan: 'prepaid',
      phoneNumbers: [phoneNumber],
    }));
  });

  const call = (minutes: number) => ({
    callId: `call-${++callIds}`,
    phoneNumber,
    startedAt: '2026-10-15T10:00:00Z',
    minutes,
  });
  const alerts = () =>
    service.adapters.balanceAlerts.queued.map((alert) => [
      alert.customerId,
      alert.balance.toString(),
      alert.threshold.toString(),
    ]);

  it('queues one alert, with the balance left and the threshold, when a call goes below the threshold', async () => {
    await service.topUpBalance.execute(customerId, '1.50', 'pay-1');
    await service.recordCalls.execute([call(4)]); // 1.10: still above
    expect(alerts()).toEqual([]);
    await service.recordCalls.execute([call(2)]); // 0.90: crossed
    await service.recordCalls.execute([call(2)]); // 0.70: further below
    expect(alerts()).toEqual([[customerId, '0.90', '1.00']]);
    expect(service.adapters.balanceAlerts.queued[0].at).toEqual(new Date('2026-10-15T12:00:00Z'));
  });

  it('raises one alert for a batch whose calls go below the threshold one after the other', async () => {
    await service.topUpBalance.execute(customerId, '1.20', 'pay-1');
    await service.recordCalls.execute([call(1), call(1), call(1), call(1)]);
    expect(alerts()).toEqual([[customerId, '0.80', '1.00']]);
  });

  it('re-arms only on a top-up that reaches the threshold', async () => {
    await service.topUpBalance.execute(customerId, '1.10', 'pay-1');
    await service.recordCalls.execute([call(2)]); // 0.90: first alert
    await service.topUpBalance.execute(customerId, '0.05', 'pay-2'); // 0.95: still below, not re-armed
    await service.topUpBalance.execute(customerId, '0.10', 'pay-3'); // 1.05: re-armed
    await service.recordCalls.execute([call(1)]); // 0.95: second alert
    expect(alerts()).toEqual([
      [customerId, '0.90', '1.00'],
      [customerId, '0.95', '1.00'],
    ]);
  });

  it('never alerts a balance that started below the threshold', async () => {
    await service.topUpBalance.execute(customerId, '0.50', 'pay-1');
    await service.recordCalls.execute([call(1), call(3)]);
    expect(alerts()).toEqual([]);
  });
});

describe('Low-balance alerts re-armed by an invoice credit', () => {
  it("re-arms when the invoice's credit of uncovered charges brings the balance back to the threshold", async () => {
    const service = inMemoryService(
      '2026-10-15T12:00:00Z',
      {},
      {
        ...DEFAULT_PLAN_CATALOG,
        prepaid: { type: 'prepaid', ratePerMinute: '0.10', currency: 'USD', lowBalanceThreshold: '0.00' },
      },
    );
    const phoneNumber = aPhoneNumber();
    const { customer } = await service.registerCustomer.execute({
      name: 'Ada',
      plan: 'prepaid',
      phoneNumbers: [phoneNumber],
    });
    const call = (callId: string, startedAt: string) => ({ callId, phoneNumber, startedAt, minutes: 2 });
    await service.topUpBalance.execute(customer.id, '0.10', 'pay-1');
    await service.recordCalls.execute([call('october', '2026-10-15T10:00:00Z')]); // -0.10: first alert
    service.clock.set('2026-11-01T00:05:00Z');
    await service.issueInvoice.execute(customer.id, '2026-10'); // credits the 0.10 uncovered: 0.00, re-armed
    await service.recordCalls.execute([call('november', '2026-11-01T00:01:00Z')]); // -0.20: second alert

    expect(service.adapters.balanceAlerts.queued.map((alert) => alert.balance.toString())).toEqual([
      '-0.10',
      '-0.20',
    ]);
  });
});
