import { SchedulerRegistry } from '@nestjs/schedule';
import { MONTHLY_INVOICING_JOB } from '../../src/invoicing/infrastructure/monthly-invoicing.scheduler';
import { aCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('The invoicing scheduler', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({
      now: '2026-10-20T00:00:00Z',
      env: { INVOICING_SCHEDULER: 'true', INVOICING_CRON: '*/1 * * * * *' },
    });
  });
  afterAll(() => service.close());

  it('registers the cron with the configured expression', () => {
    const job = service.app.get(SchedulerRegistry).getCronJob(MONTHLY_INVOICING_JOB);
    expect(job.cronTime.source).toBe('*/1 * * * * *');
    expect(job.isActive).toBe(true);
  });

  it('fires the monthly run, which invoices the closed period', async () => {
    await aCustomer(service);
    service.clock.set('2026-11-01T00:30:00Z');
    const deadline = Date.now() + 5000;
    let invoices: unknown[] = [];
    while (invoices.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      invoices = await service.sql("SELECT id FROM invoices WHERE period = '2026-10'");
    }
    expect(invoices).toHaveLength(1);
  });
});
