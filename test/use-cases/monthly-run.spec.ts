import { randomUUID } from 'node:crypto';
import { aPhoneNumber } from '../support/mothers';
import { inMemoryService, type InMemoryService } from './in-memory-service';

/** The monthly run's choice of targets (`RunMonthlyInvoicingUseCase`, `MissingInvoicePeriods`), on the in-memory adapters. */
describe('The monthly run', () => {
  let service: InMemoryService;

  beforeEach(() => {
    service = inMemoryService('2026-06-10T00:00:00Z');
  });

  const periodsOf = async (customerId: string) =>
    (await service.adapters.invoices.listByCustomer(customerId, 100, null))
      .map((invoice) => invoice.period.code)
      .sort();

  it('issues every closed period a customer lacks, oldest first, after an outage', async () => {
    const { customer } = await service.registerCustomer.execute({
      name: 'Ada',
      phoneNumbers: [aPhoneNumber()],
    });
    service.clock.set('2026-07-01T00:10:00Z');
    await service.runMonthlyInvoicing.execute();
    service.clock.set('2026-10-01T00:10:00Z'); // down over three month ends

    const summary = await service.runMonthlyInvoicing.execute();

    expect(summary).toEqual({ period: null, customers: 1, created: 3, alreadyInvoiced: 0, failed: 0 });
    expect(await periodsOf(customer.id)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    const numbers = (await service.adapters.invoices.listByCustomer(customer.id, 100, null))
      .sort((a, b) => (a.period.code < b.period.code ? -1 : 1))
      .map((invoice) => invoice.number);
    expect(numbers).toEqual([...numbers].sort()); // numbers follow the periods
  });

  it('records a scheduled run and its invoices as the system, with no request id', async () => {
    const { customer } = await service.registerCustomer.execute({
      name: 'Ada',
      phoneNumbers: [aPhoneNumber()],
    });
    service.clock.set('2026-07-01T00:10:00Z');

    await service.runMonthlyInvoicing.execute(null, { trigger: 'scheduler' });

    const events = service.adapters.auditEvents.all.filter((event) => event.action !== 'customer.created');
    expect(
      events.map(({ action, actor, requestId, customerId }) => ({ action, actor, requestId, customerId })),
    ).toEqual([
      {
        action: 'invoice.issued',
        actor: { kind: 'system', id: null },
        requestId: null,
        customerId: customer.id,
      },
      {
        action: 'invoicing-run.completed',
        actor: { kind: 'system', id: null },
        requestId: null,
        customerId: null,
      },
    ]);
    expect(events[1].details).toEqual({
      trigger: 'scheduler',
      period: null,
      customers: 1,
      created: 1,
      alreadyInvoiced: 0,
      failed: 0,
    });

    await service.runMonthlyInvoicing.execute(null, { trigger: 'scheduler' });
    expect(service.adapters.auditEvents.all.length).toBe(events.length + 1); // nothing new: no event
  });

  it('issues the earlier periods of calls migrated from before the customer existed', async () => {
    const phoneNumber = aPhoneNumber();
    const { customer } = await service.registerCustomer.execute({ name: 'Ada', phoneNumbers: [phoneNumber] });
    await service.recordCalls.execute(
      ['2025-11-20T10:00:00Z', '2026-02-03T10:00:00Z'].map((startedAt) => ({
        callId: randomUUID(),
        phoneNumber,
        startedAt,
        minutes: 2,
      })),
    );
    service.clock.set('2026-07-01T00:10:00Z');

    await service.runMonthlyInvoicing.execute();

    expect(await periodsOf(customer.id)).toEqual(['2025-11', '2026-02', '2026-06']);
  });

  it('issues just the period given, and counts what exists already', async () => {
    const { customer } = await service.registerCustomer.execute({
      name: 'Ada',
      phoneNumbers: [aPhoneNumber()],
    });
    service.clock.set('2026-09-01T00:10:00Z');

    expect(await service.runMonthlyInvoicing.execute('2026-07')).toMatchObject({ customers: 1, created: 1 });
    expect(await service.runMonthlyInvoicing.execute('2026-07')).toMatchObject({
      created: 0,
      alreadyInvoiced: 1,
    });
    expect(await periodsOf(customer.id)).toEqual(['2026-07']);
  });
});
