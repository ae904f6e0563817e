import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfiguration } from '../../config';
import { RunMonthlyInvoicingUseCase } from '../application/run-monthly-invoicing.use-case';

export const MONTHLY_INVOICING_JOB = 'monthly-invoicing';

/**
 * Fires the monthly run on INVOICING_CRON (UTC; hourly by default, so each customer is invoiced in
 * the first hour of the 1st in its own time zone), and once at start: a service that was down
 * catches up at once, without waiting for the next firing (the start does not wait for it either:
 * /health answers meanwhile). Registered through @nestjs/schedule's registry because the
 * expression is configuration, not a constant. One run at a time per instance; instances
 * coordinate in the database. At shutdown the run in progress stops between batches.
 */
@Injectable()
export class MonthlyInvoicingScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MonthlyInvoicingScheduler.name);
  private readonly shutdown = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly run: RunMonthlyInvoicingUseCase,
    private readonly config: AppConfiguration,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.INVOICING_CRON,
      timeZone: 'UTC',
      onTick: () => this.fire(),
      start: false,
    });
    this.registry.addCronJob(MONTHLY_INVOICING_JOB, job);
    if (!this.config.INVOICING_SCHEDULER) return;
    job.start();
    this.logger.log('Catching up at start: the monthly run issues what is due and missing');
    void this.fire('catch-up');
  }

  /** Runs the monthly run unless one is already running in this instance; never rejects. */
  fire(reason: 'scheduled' | 'catch-up' = 'scheduled'): Promise<void> {
    if (this.running || this.shutdown.signal.aborted) return this.running ?? Promise.resolve();
    this.running = this.runOnce(reason).finally(() => (this.running = null));
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    if (this.registry.doesExist('cron', MONTHLY_INVOICING_JOB)) {
      await this.registry.getCronJob(MONTHLY_INVOICING_JOB).stop();
    }
    await this.running;
  }

  private async runOnce(reason: 'scheduled' | 'catch-up'): Promise<void> {
    try {
      const trigger = reason === 'scheduled' ? 'scheduler' : 'catch-up';
      const summary = await this.run.execute(null, { signal: this.shutdown.signal, trigger });
      if (reason === 'catch-up') this.logger.log({ summary }, 'Catch-up run at start finished');
      else if (summary.customers > 0) this.logger.log({ summary }, 'Monthly invoicing run finished');
    } catch (error) {
      this.logger.error({ err: error }, `Monthly invoicing run (${reason}) failed; the next firing retries`);
    }
  }
}
