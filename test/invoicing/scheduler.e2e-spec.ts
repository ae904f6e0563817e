import { SchedulerRegistry } from '@nestjs/schedule';
import { MONTHLY_INVOICING_JOB } from '../../src/invoicing/infrastructure/monthly-invoicing.scheduler';
import { aCustomer } from '../support/mothers';
import { dropDatabase } from '../support/test-database';
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

describe('The catch-up at start', () => {
  const NEVER_SOON = '0 0 0 1 1 *'; // the first of January: no firing during the test
  let databaseUrl: string;

  /** Customers registered on a service that then went down before October was invoiced. */
  beforeEach(async () => {
    const before = await startTestApp({ now: '2026-10-05T00:00:00Z' });
    databaseUrl = before.databaseUrl;
    for (let i = 0; i < 12; i += 1) await aCustomer(before);
    await before.app.close();
  });
  afterEach(() => dropDatabase(databaseUrl));

  const invoices = (service: TestApp) =>
    service.sql<{ number: string }>("SELECT number FROM invoices WHERE period = '2026-10' ORDER BY sequence");
  const gapless = (count: number) =>
    Array.from({ length: count }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`);

  async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('issues what fell due while the service was down as soon as it starts, not at the next firing', async () => {
    const service = await startTestApp({
      now: '2026-11-03T09:00:00Z',
      databaseUrl,
      env: { INVOICING_SCHEDULER: 'true', INVOICING_CRON: NEVER_SOON },
    });
    try {
      await service.anonymous().get('/health').expect(200);
      await until(async () => (await invoices(service)).length === 12);
      expect((await invoices(service)).map((row) => row.number)).toEqual(gapless(12));
    } finally {
      await service.app.close();
    }
  });

  it('stops between batches at shutdown; the next start finishes, with no gap and nothing twice', async () => {
    const env = { INVOICING_SCHEDULER: 'true', INVOICING_CRON: NEVER_SOON, INVOICING_BATCH_SIZE: '1' };
    const first = await startTestApp({ now: '2026-11-03T09:00:00Z', databaseUrl, env });
    await until(async () => (await invoices(first)).length > 0);
    await first.app.close(); // while the catch-up is under way
    const issuedBefore = (await invoices(first)).length;
    expect(issuedBefore).toBeGreaterThan(0);
    expect((await invoices(first)).map((row) => row.number)).toEqual(gapless(issuedBefore));

    const second = await startTestApp({ now: '2026-11-03T10:00:00Z', databaseUrl, env });
    try {
      await until(async () => (await invoices(second)).length === 12);
      expect((await invoices(second)).map((row) => row.number)).toEqual(gapless(12));
    } finally {
      await second.app.close();
    }
  });
});
