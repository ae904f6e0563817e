import { randomUUID } from 'node:crypto';
import type { CustomerTarget } from '../../src/invoicing/application/invoice.repository';
import { BillingPeriod } from '../../src/shared/domain/billing-period';
import { aPhoneNumber } from '../support/mothers';
import { inMemoryService, type InMemoryService } from './in-memory-service';

/** The issuing sequence (`IssueInvoices`), on the in-memory adapters. */
describe('Issuing invoices', () => {
  let service: InMemoryService;

  beforeEach(() => {
    service = inMemoryService('2026-10-20T00:00:00Z');
  });

  const phoneNumberOf = new Map<string, string>();

  async function aCustomerWithCalls(plan: string, calls: { startedAt: string; minutes: number }[]) {
    const phoneNumber = aPhoneNumber();
    const { customer } = await service.registerCustomer.execute({
      name: 'Ada',
      email: 'ada@example.com',
      timezone: 'UTC',
      plan,
      phoneNumbers: [phoneNumber],
    });
    phoneNumberOf.set(customer.id, phoneNumber);
    await record(customer.id, calls);
    return customer;
  }

  async function record(customerId: string, calls: { startedAt: string; minutes: number }[]) {
    const outcomes = await service.recordCalls.execute(
      calls.map((call) => ({
        callId: `c-${randomUUID()}`,
        phoneNumber: phoneNumberOf.get(customerId),
        ...call,
      })),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(calls.map(() => 'created'));
  }

  async function targetOf(customerId: string, period: string): Promise<CustomerTarget> {
    const customer = await service.directory.get(customerId);
    return { customerId, customer, period: BillingPeriod.parse(period, customer.timezone) };
  }

  it('runs the sequence top to bottom, the number counter taken last before storing', async () => {
    const customer = await aCustomerWithCalls('prepaid', [{ startedAt: '2026-09-10T10:00:00Z', minutes: 5 }]);
    service.clock.set('2026-10-21T00:00:00Z');
    const { invoices, billableCalls, outbox, ledger } = service.adapters;
    const steps = {
      'skip the invoiced': jest.spyOn(invoices, 'invoicedAmong'),
      'read usage': jest.spyOn(billableCalls, 'usageOf'),
      'claim late calls': jest.spyOn(billableCalls, 'claimLateCalls'),
      'take numbers': jest.spyOn(invoices, 'takeSequenceNumbers'),
      'store invoices': jest.spyOn(invoices, 'store'),
      'queue deliveries': jest.spyOn(outbox, 'enqueue'),
      'credit prepaid': jest.spyOn(ledger, 'recordInvoiceCredits'),
    };
    const lock = jest.spyOn(service.adapters.periodLocks, 'lockExclusive');

    await service.issueInvoices.issue([await targetOf(customer.id, '2026-09')]);

    const order = Object.entries(steps)
      .map(([step, spy]) => ({ step, at: spy.mock.invocationCallOrder[0] }))
      .sort((a, b) => a.at - b.at)
      .map(({ step }) => step);
    expect(order).toEqual(Object.keys(steps));
    expect(lock.mock.invocationCallOrder[0]).toBeLessThan(
      steps['skip the invoiced'].mock.invocationCallOrder[0],
    );
  });

  it("issues one invoice per target from its period's calls, numbered consecutively, and tells the world", async () => {
    const ada = await aCustomerWithCalls('postpaid', [
      { startedAt: '2026-09-10T10:00:00Z', minutes: 5 },
      { startedAt: '2026-09-30T23:59:00Z', minutes: 10 },
      { startedAt: '2026-10-01T00:00:00Z', minutes: 100 },
    ]);
    const bob = await aCustomerWithCalls('postpaid', []);

    const { created, alreadyInvoiced } = await service.issueInvoices.issue([
      await targetOf(bob.id, '2026-09'),
      await targetOf(ada.id, '2026-09'),
    ]);

    expect(alreadyInvoiced).toEqual([]);
    const byCustomer = new Map(created.map((invoice) => [invoice.customerId, invoice]));
    expect(byCustomer.get(ada.id)).toMatchObject({ status: 'issued', callCount: 2, minutes: 15 });
    expect(byCustomer.get(ada.id)!.total.toString()).toBe('0.30');
    expect(byCustomer.get(bob.id)!.total.toString()).toBe('0.00');
    expect(created.map((invoice) => invoice.number).sort()).toEqual(['INV-2026-000001', 'INV-2026-000002']);
    expect(service.adapters.events.issued).toEqual(created);
    expect(service.adapters.periodLocks.taken.filter(({ mode }) => mode === 'exclusive')).toEqual([
      {
        mode: 'exclusive',
        keys: expect.arrayContaining([
          { customerId: ada.id, period: '2026-09' },
          { customerId: bob.id, period: '2026-09' },
        ]),
      },
    ]);
  });

  it('skips a target already invoiced, claiming nothing for it and taking no number', async () => {
    const ada = await aCustomerWithCalls('postpaid', [{ startedAt: '2026-09-10T10:00:00Z', minutes: 5 }]);
    await service.issueInvoices.issue([await targetOf(ada.id, '2026-09')]);
    const claims = jest.spyOn(service.adapters.billableCalls, 'claimLateCalls');
    const numbers = jest.spyOn(service.adapters.invoices, 'takeSequenceNumbers');

    const again = await service.issueInvoices.issue([await targetOf(ada.id, '2026-09')]);

    expect(again.created).toEqual([]);
    expect(again.alreadyInvoiced.map((target) => target.customerId)).toEqual([ada.id]);
    expect(claims).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });

  it('bills a late call once, on the next invoice, as late usage naming its period', async () => {
    const ada = await aCustomerWithCalls('postpaid', [{ startedAt: '2026-09-10T10:00:00Z', minutes: 5 }]);
    await service.issueInvoices.issue([await targetOf(ada.id, '2026-09')]);
    await record(ada.id, [{ startedAt: '2026-09-30T22:00:00Z', minutes: 7 }]);
    service.clock.set('2026-11-01T00:10:00Z');

    const { created } = await service.issueInvoices.issue([await targetOf(ada.id, '2026-10')]);
    service.clock.set('2026-12-01T00:10:00Z');
    const november = await service.issueInvoices.issue([await targetOf(ada.id, '2026-11')]);

    expect(created[0].lines.map((line) => [line.kind, line.period, line.quantity])).toEqual([
      ['late_usage', '2026-09', 7],
    ]);
    expect(november.created[0].lines).toEqual([]);
  });

  it('credits prepaid balances with the charges they did not cover, and queues each invoice with its customer', async () => {
    service.clock.set('2026-09-01T00:00:00Z');
    const ada = await aCustomerWithCalls('prepaid', []);
    await service.topUpBalance.execute(ada.id, '0.04', 'pay-1');
    service.clock.set('2026-09-20T00:00:00Z');
    await record(ada.id, [
      { startedAt: '2026-09-10T10:00:00Z', minutes: 5 },
      { startedAt: '2026-09-11T10:00:00Z', minutes: 3 },
    ]);
    expect((await service.getBalance.execute(ada.id)).balance.toString()).toBe('-0.12');

    service.clock.set('2026-10-01T00:10:00Z');
    const { created } = await service.issueInvoices.issue([await targetOf(ada.id, '2026-09')]);

    // 0.10 + 0.06 charged; the balance covered 0.04 of them; the 0.12 it did not is now the invoice's.
    expect(created[0].total.toString()).toBe('0.12');
    expect((await service.getBalance.execute(ada.id)).balance.toString()).toBe('0.00');
    expect(service.adapters.outbox.queued).toEqual([
      { invoice: created[0], customer: expect.objectContaining({ id: ada.id, email: 'ada@example.com' }) },
    ]);
  });

  it('refuses two periods of one customer in one issue, touching nothing', async () => {
    const ada = await aCustomerWithCalls('postpaid', []);
    service.clock.set('2026-11-05T00:00:00Z');
    await expect(
      service.issueInvoices.issue([await targetOf(ada.id, '2026-09'), await targetOf(ada.id, '2026-10')]),
    ).rejects.toThrow('One issue takes at most one period per customer');
    expect(service.adapters.periodLocks.taken).toEqual([]);
    expect(await service.adapters.invoices.listByCustomer(ada.id, 10, null)).toEqual([]);
  });
});
